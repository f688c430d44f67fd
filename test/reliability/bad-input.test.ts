// Every broken input: plan and apply --yes exit 1, name the file (and line), send nothing, leak no token.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { buildCorpus, SECRET_TOKEN } from '../support/bad-input.js';
import { totalRequests } from '../support/sandbox.js';
import { assertNoToken, createWorkspace, envFor } from './helpers.js';
import { runIn } from '../support/cli.js';

const badInput = suite<{ sandbox: Sandbox }>('bad input', { sandbox: undefined as unknown as Sandbox });

badInput.before(async (context) => {
  context.sandbox = await startSandbox({ token: SECRET_TOKEN });
});

badInput.after(async (context) => {
  await context.sandbox.close();
});

const corpus = buildCorpus();

badInput('the corpus is large enough to mean something', () => {
  assert.ok(corpus.length >= 30, `${corpus.length} inputs`);
  assert.is(new Set(corpus.map((input) => input.name)).size, corpus.length);
});

for (const input of corpus) {
  badInput(
    `${input.name}: exit 1 naming ${input.file}${input.line ? `:${input.line}` : ''}, zero requests`,
    async ({ sandbox }) => {
      const workspace = await createWorkspace(input.files);
      try {
        for (const argv of [['plan'], ['apply', '--yes'], ['plan', '--out', 'plan.json']]) {
          sandbox.resetCounters();
          const run = await runIn(workspace.cwd, argv, envFor(sandbox));
          const shown = `${argv.join(' ')}\n${run.err}`;
          assert.is(run.code, 1, shown);
          assert.is(totalRequests(sandbox), 0, `${argv.join(' ')} sent a request`);
          const where = input.line === undefined ? input.file : `${input.file}:${input.line}:`;
          assert.ok(run.err.includes(where), `expected '${where}' in:\n${shown}`);
          assertNoToken(run.out + run.err, SECRET_TOKEN, `${input.name} (${argv.join(' ')})`);
          assert.ok(run.err.length < 4000, `a message of ${run.err.length} characters`);
        }
      } finally {
        await workspace.remove();
      }
    },
  );
}

badInput.run();
