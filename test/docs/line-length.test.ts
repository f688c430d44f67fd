// Lines stay at most 120 characters: the formatter cannot break long strings, templates, regexes or comments,
// so a long one slips in unnoticed unless a test counts.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAX_LINE = 120;

/** Every .ts file under the folder, as paths relative to the repository root. */
async function listTypeScript(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The lines of the text longer than the limit, as "file:line (length)". */
function findLongLines(file: string, text: string): string[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: index + 1, length: [...line].length }))
    .filter((entry) => entry.length > MAX_LINE)
    .map((entry) => `${file}:${entry.line} (${entry.length})`);
}

test(`no line of src/ or test/ .ts files is longer than ${MAX_LINE} characters`, async () => {
  const files = [...(await listTypeScript('src')), ...(await listTypeScript('test'))];
  assert.ok(files.length > 100, `found only ${files.length} files`);
  const long: string[] = [];
  for (const file of files) long.push(...findLongLines(file, await readFile(path.join(ROOT, file), 'utf8')));
  assert.equal(long, [], `lines over ${MAX_LINE} characters:\n${long.join('\n')}`);
});

test('a line one character over the limit is found, one at the limit is not', () => {
  const text = `${'x'.repeat(MAX_LINE)}\n${'y'.repeat(MAX_LINE + 1)}\n`;
  assert.equal(findLongLines('a.ts', text), [`a.ts:2 (${MAX_LINE + 1})`]);
});

test.run();
