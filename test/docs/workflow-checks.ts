// Properties every workflow here must have, each a function of a workflow's text that returns its
// problems, so a test can show that it finds the problem it is for.
import { parse } from 'yaml';
import type { Workflow } from './workflow-files.js';

const SHA = /^[0-9a-f]{40}$/;

/** A `uses:` of an action or another repository's workflow names a full commit, its version in a comment. */
export function findUnpinnedUses(text: string): string[] {
  const problems: string[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    const match = line.match(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/);
    if (!match) continue;
    const [, target = '', rest = ''] = match;
    if (target.startsWith('./')) continue;
    const ref = target.split('@')[1] ?? '';
    if (!SHA.test(ref)) problems.push(`line ${index + 1}: ${target} is not pinned to a full commit SHA`);
    else if (!/^\s+#\s*v\d+(\.\d+)*\s*$/.test(rest))
      problems.push(`line ${index + 1}: ${target} has no version comment (# vX.Y.Z)`);
  }
  return problems;
}

/** A caller hands a workflow only the secrets it names, never all of them. */
export function findInheritedSecrets(text: string): string[] {
  const workflow = parse(text) as Workflow;
  return Object.entries(workflow.jobs ?? {})
    .filter(([, job]) => job.secrets === 'inherit')
    .map(([name]) => `job ${name} passes secrets: inherit`);
}

/** git commands that reach the remote: after a checkout without credentials they fail in a private repository. */
const REMOTE_GIT = /\bgit\s+(?:-\S+\s+)*(fetch|pull|clone|push|ls-remote|remote\s+update|submodule\s+update)\b/;

export function findFetchesWithoutCredentials(text: string): string[] {
  const workflow = parse(text) as Workflow;
  const problems: string[] = [];
  for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
    const steps = job.steps ?? [];
    const bare = steps.some(
      (step) => step.uses?.startsWith('actions/checkout') && step.with?.['persist-credentials'] === false,
    );
    for (const step of steps) {
      if (bare && step.run && REMOTE_GIT.test(step.run))
        problems.push(`job ${name}: '${step.name ?? step.run.split('\n')[0]}' runs git against the remote`);
    }
  }
  return problems;
}

/**
 * A job in an environment (where reviewers approve and the write token lives) runs only when a job before
 * it says there is something to do, and never beside another job writing to the same store.
 */
export function findUngatedEnvironmentJobs(text: string): string[] {
  const workflow = parse(text) as Workflow;
  const problems: string[] = [];
  for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
    if (job.environment === undefined) continue;
    const condition = String(job.if ?? '');
    if (!/\bneeds\.[\w-]+\.outputs\.[\w-]+/.test(condition))
      problems.push(`job ${name}: no if: on a plan's change output, so approval is asked even for no changes`);
    if (job.concurrency?.['cancel-in-progress'] !== false || !/\$\{\{\s*matrix\./.test(job.concurrency.group))
      problems.push(`job ${name}: no concurrency group per store with cancel-in-progress: false`);
  }
  return problems;
}
