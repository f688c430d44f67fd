// Waits are counted as wall time: requests that wait out one window together add it once.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WaitTally } from '../../src/bigcommerce/wait-tally.js';
import { openProject } from '../support/cli.js';

test('overlapping waits add only the time no earlier wait covers', () => {
  const tally = new WaitTally();
  assert.is(tally.add(6000, 1000), 6000);
  // Seven more requests wait out the same window a moment later: 100 ms more in all, not 41 s.
  assert.is(tally.add(6000, 1100), 100);
  for (let i = 0; i < 6; i++) assert.is(tally.add(5900, 1200), 0);
  assert.is(tally.add(1000, 20_000), 1000, 'a later wait counts whole');
  assert.is(tally.waitingUntil, 21_000);
});

test('apply under a small quota reports waits that fit in its own duration', async () => {
  const files: Record<string, string> = {};
  const seed = Array.from({ length: 24 }, (_, i) => ({ id: i + 1, name: `G${i + 1}` }));
  for (const group of seed)
    files[`g${group.id}.yaml`] =
      `name: ${group.name}\nis_group_for_guests: false\ndiscount_rules: [{type: all, method: percent, amount: 5}]\n`;
  const project = await openProject(files, { seed, quota: 10, windowMs: 1000, latencyMs: 50, maxConcurrent: 2 });
  try {
    await project.run('validate');
    const applied = await project.run(
      'apply',
      '--yes',
      '--force',
      '--concurrency',
      '8',
      '--format',
      'json',
      '--no-customers',
    );
    assert.is(applied.code, 0, applied.err);
    const result = JSON.parse(applied.out) as { waited_ms: number; duration_ms: number; rate_limited: number };
    assert.ok(result.waited_ms > 0, 'the quota made it wait');
    assert.ok(result.waited_ms <= result.duration_ms, `waited ${result.waited_ms} ms within ${result.duration_ms} ms`);
  } finally {
    await project.close();
  }
});

test.run();
