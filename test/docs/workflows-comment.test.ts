// The plan workflow's comment script, run with a fake GitHub client: a plan longer than its share of the
// comment never has its text cut inside a block, where it would swallow the next store's section.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { jobNamed, workflowNamed } from './workflow-files.js';

type Files = Record<string, string>;

async function runCommentScript(stores: { store: string; label: string }[], files: Files): Promise<string> {
  const step = jobNamed(workflowNamed('bcgroups-reusable-plan.yml'), 'comment').steps?.find((candidate) =>
    candidate.uses?.startsWith('actions/github-script'),
  );
  const script = String(step?.with?.script ?? '');
  assert.ok(script, 'a comment script');
  const bodies: string[] = [];
  const github = {
    paginate: async () => [],
    rest: {
      issues: {
        listComments: Symbol('listComments'),
        createComment: async ({ body }: { body: string }) => void bodies.push(body),
        updateComment: async ({ body }: { body: string }) => void bodies.push(body),
      },
    },
  };
  const context = {
    repo: { owner: 'merchant', repo: 'store-groups' },
    serverUrl: 'https://github.com',
    runId: 7,
    issue: { number: 3 },
    payload: { pull_request: { head: { sha: '0123456789abcdef' } } },
  };
  const fakeRequire = (name: string) => {
    assert.is(name, 'node:fs');
    return { existsSync: (file: string) => file in files, readFileSync: (file: string) => files[file] };
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  const saved = process.env.MATRIX;
  process.env.MATRIX = JSON.stringify(stores);
  try {
    await new AsyncFunction('github', 'context', 'core', 'require', script)(
      github,
      context,
      { setFailed: () => {} },
      fakeRequire,
    );
  } finally {
    if (saved === undefined) delete process.env.MATRIX;
    else process.env.MATRIX = saved;
  }
  assert.is(bodies.length, 1);
  return bodies[0] ?? '';
}

test('a plan over its share of the comment is never cut inside a block: the next store keeps its section', async () => {
  const diff = Array.from({ length: 4000 }, (_, index) => `+ product ${index}: 5% off`).join('\n');
  const long = `## bcgroups plan\n\n<details>\n<summary>+ create Big</summary>\n\n\`\`\`diff\n${diff}\n\`\`\`\n\n</details>\n`;
  const body = await runCommentScript(
    [
      { store: 'production', label: 'production' },
      { store: 'staging', label: 'staging' },
    ],
    {
      'plans/bcgroups-plan-production/plan.md': long,
      'plans/bcgroups-plan-production/exitcode': '2',
      'plans/bcgroups-plan-staging/plan.md': '## bcgroups plan\n\nNo changes: the store matches groups/.\n',
      'plans/bcgroups-plan-staging/exitcode': '0',
    },
  );
  assert.is((body.match(/^```/gm) ?? []).length % 2, 0, 'every code block is closed');
  assert.is((body.match(/<details>/g) ?? []).length, (body.match(/<\/details>/g) ?? []).length);
  const staging = body.indexOf('## bcgroups plan: store staging');
  assert.ok(staging > 0, 'the staging section is there');
  assert.is((body.slice(0, staging).match(/^```/gm) ?? []).length % 2, 0, 'and not inside a code block');
  assert.match(body, 'The plan is too long for a comment; read it whole in the [run summary]');
});

test.run();
