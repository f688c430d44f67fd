// One fixture tree per kind of bad input: each must fail with exactly the problems listed, at the right place.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDesired } from '../../src/desired/index.js';
import { BAD_GROUPS as BAD, FIXTURE_PROBLEMS as cases } from '../support/bad-input.js';
import { problemsOf } from '../support/problems.js';

for (const [fixture, expected] of Object.entries(cases)) {
  test(`bad fixture: ${fixture}`, async () => {
    const problems = await problemsOf(loadDesired(fixture, { cwd: BAD }));
    const shown = problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.field} ${p.message}`).join('\n');
    assert.is(problems.length, expected.length, `problems of ${fixture}:\n${shown}`);
    expected.forEach(([file, line, col, field, message], index) => {
      const problem = problems[index];
      assert.ok(problem, `missing problem ${index}`);
      assert.is(problem.file, `${fixture}/${file}`);
      assert.is(`${problem.line}:${problem.col}`, `${line}:${col}`, shown);
      assert.is(problem.field, field);
      assert.match(problem.message, message);
    });
  });
}

test('every fixture directory has a case', async () => {
  const { readdir } = await import('node:fs/promises');
  const dirs = (await readdir(BAD, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  assert.equal(dirs.sort(), Object.keys(cases).sort());
  assert.ok(dirs.length >= 20);
});

test.run();
