// Reading the example workflows for the tests: the callers a repository keeps, and the reusable ones they call.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';

export const WORKFLOWS_DIR = fileURLToPath(new URL('../../.github/workflows/', import.meta.url));

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
  on: Record<string, { paths?: string[]; inputs?: Record<string, { type: string; default?: string }> } | null>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

export interface WorkflowFile {
  file: string;
  text: string;
  workflow: Workflow;
}

export function readWorkflows(): WorkflowFile[] {
  const files = readdirSync(WORKFLOWS_DIR)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort();
  return files.map((file) => {
    const text = readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8');
    return { file, text, workflow: parse(text) as Workflow };
  });
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
