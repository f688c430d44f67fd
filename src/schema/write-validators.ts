// Run by `npm run build` after tsc: writes each validator as ajv standalone code into
// dist/schema/validators/, so a run from dist/ does not load ajv's compiler. Made from schemas/ at every build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateValidatorCode, precompiledUrl, VALIDATORS, type ValidatorName } from './index.js';

for (const name of Object.keys(VALIDATORS) as ValidatorName[]) {
  mkdirSync(fileURLToPath(new URL('.', precompiledUrl(name))), { recursive: true });
  writeFileSync(fileURLToPath(precompiledUrl(name)), generateValidatorCode(name));
}
