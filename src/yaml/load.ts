// The `yaml` package, loaded on first use: plain group files go through the fast parser, so a small
// plan or validate never pays for loading the exact parser and its writer.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;

export function loadYaml(): typeof import('yaml') {
  yamlModule ??= require('yaml') as typeof import('yaml');
  return yamlModule;
}
