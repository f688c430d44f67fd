// The `yaml` package, loaded on first use: plain group files go through the fast parser, so a small
// plan or validate never pays for loading the exact parser and its writer.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;

/**
 * yaml prints its warnings through process.emitWarning, which Node writes to stderr ("Keys with collection
 * values will be stringified", "Unresolved tag"); every reader here words its problems itself, so yaml
 * logs nothing below an error. Pass this to every parse and toJS.
 */
export const QUIET = { logLevel: 'error' } as const;

export function loadYaml(): typeof import('yaml') {
  yamlModule ??= require('yaml') as typeof import('yaml');
  return yamlModule;
}
