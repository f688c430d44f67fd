// After tsc: writes each validator of dist/schemas.js as ajv standalone code into dist/validators/, so
// a run from dist/ does not load ajv's compiler. The code is made from schemas/ at every build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateValidatorCode, precompiledUrl, VALIDATORS } from '../dist/schemas.js';

for (const name of Object.keys(VALIDATORS)) {
  const target = fileURLToPath(precompiledUrl(name));
  mkdirSync(fileURLToPath(new URL('.', precompiledUrl(name))), { recursive: true });
  writeFileSync(target, generateValidatorCode(name));
}
