// One request's whole time is capped (request.maxRequestMs), its retries and waits included, and the
// error names the key; the cap is per request, so a long run paced by the store's quota still finishes.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiError } from '../../src/errors.js';
import { openProject, RETAIL } from '../support/cli.js';
import { clientFor, withSandbox } from '../support/sandbox.js';

async function timedFailure(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await promise;
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  return { error: undefined, ms: Date.now() - started };
}

test('a storm of 429s stops at request.maxRequestMs, not after ten full waits', () =>
  withSandbox({ quota: 0, windowMs: 250 }, async (sandbox) => {
    const client = clientFor(sandbox, { maxRequestMs: 600 });
    const { error, ms } = await timedFailure(client.getGroup(1));
    assert.instance(error, ApiError);
    assert.match(String((error as Error).message), /request\.maxRequestMs \(600 ms\)/);
    assert.ok(ms < 1500, `stopped after ${ms} ms`);
  }));

test('retries of timed-out attempts stop at request.maxRequestMs', () =>
  withSandbox({ seed: [{ id: 1, name: 'Retail' }], latencyMs: 400 }, async (sandbox) => {
    const client = clientFor(sandbox, { timeoutMs: 150, retries: 10, maxRequestMs: 500 });
    const { error, ms } = await timedFailure(client.getGroup(1));
    assert.instance(error, ApiError);
    assert.match(String((error as Error).message), /gave up after .* request\.maxRequestMs \(500 ms\)/);
    assert.ok(ms < 1200, `stopped after ${ms} ms`);
  }));

test('plan: a store that keeps failing is given up on at the configured cap, naming the key', async () => {
  const project = await openProject({ 'retail.yaml': RETAIL }, { faultRate: 1, faultMethods: ['GET'] });
  try {
    await writeFile(path.join(project.cwd, 'bcgroups.config.yaml'), 'request:\n  maxRequestMs: 800\n');
    const started = Date.now();
    const { code, err } = await project.run('plan');
    assert.is(code, 1, err);
    assert.match(err, 'request.maxRequestMs (800 ms)');
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  } finally {
    await project.close();
  }
});

test('apply: a run paced by a small quota takes longer than the cap and still finishes', async () => {
  const files = Object.fromEntries(
    Array.from({ length: 40 }, (_, index) => [`g${index}.yaml`, `name: Group ${index}\n`]),
  );
  const project = await openProject({ ...files, 'retail.yaml': RETAIL }, { quota: 5, windowMs: 150 });
  try {
    await writeFile(path.join(project.cwd, 'bcgroups.config.yaml'), 'request:\n  maxRequestMs: 1000\n');
    const started = Date.now();
    const { code, err } = await project.run('apply', '--yes');
    const took = Date.now() - started;
    assert.is(code, 0, err);
    assert.ok(took > 1000, `the run took ${took} ms, not longer than one request's cap`);
    assert.is((await project.run('plan', '--detailed-exitcode')).code, 0);
  } finally {
    await project.close();
  }
});

test.run();
