// Reading the workflows for the tests: the example callers a repository copies (in .github/examples/, where
// they never run here), the reusable ones they call, and this repository's own test workflow.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';

export const WORKFLOWS_DIR = fileURLToPath(new URL('../../.github/workflows/', import.meta.url));
export const EXAMPLES_DIR = fileURLToPath(new URL('../../.github/examples/', import.meta.url));

export interface Step {
  name?: string;
  id?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

export interface Job {
  if?: string;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  outputs?: Record<string, string>;
  needs?: string | string[];
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: unknown;
  environment?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix?: { include?: string } };
  env?: Record<string, string>;
  steps?: Step[];
}

export interface Workflow {
  on: Record<
    string,
    {
      paths?: string[];
      inputs?: Record<string, { type: string; default?: string; description?: string }>;
      secrets?: Record<string, { required?: boolean }>;
    } | null
  >;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

export interface WorkflowFile {
  /** The file name, which is also its name in .github/workflows/ of a repository that copies an example. */
  file: string;
  /** The path in this repository. */
  path: string;
  text: string;
  workflow: Workflow;
}

function readDir(dir: string, filter: (file: string) => boolean): WorkflowFile[] {
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file) && filter(file))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      return { file, path: path.join(dir, file), text, workflow: parse(text) as Workflow };
    });
}

/** The bcgroups workflows: the example callers and the reusable workflows they call. */
export function readWorkflows(): WorkflowFile[] {
  return [...readDir(EXAMPLES_DIR, () => true), ...readDir(WORKFLOWS_DIR, isReusable)].sort((a, b) =>
    a.file.localeCompare(b.file),
  );
}

/** Every workflow file of this repository: the bcgroups ones and its own test workflow. */
export function readAllWorkflows(): WorkflowFile[] {
  return [...readWorkflows(), ...readDir(WORKFLOWS_DIR, (file) => !isReusable(file))];
}

export function workflowNamed(name: string): Workflow {
  const found = readWorkflows().find((entry) => entry.file === name);
  assert.ok(found, `${name} exists`);
  return found.workflow;
}

export function stepsOf(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
}

export function jobNamed(workflow: Workflow, name: string): Job {
  const job = workflow.jobs[name];
  assert.ok(job, `a job ${name}`);
  return job;
}

export function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** The reusable workflows hold the steps; the callers only call them. */
export const isReusable = (file: string) => file.startsWith('bcgroups-reusable-');
