import { readFileSync } from 'node:fs';

/**
 * The package version, read once from package.json (beside src/ and dist/): a leaf the client and the CLI both read.
 */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
