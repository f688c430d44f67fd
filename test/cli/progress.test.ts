import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createApplyReporter } from '../../src/cli/progress.js';
import { memoryIo } from '../../src/cli/io.js';
import type { ChangeResult, RateLimitState } from '../../src/model/index.js';
import { applyProgressLines } from '../../src/render/apply.js';
import { results } from '../render/results.js';

test('one line per finished change without a terminal', () => {
  const io = memoryIo();
  const reporter = createApplyReporter(io, applyProgressLines({ rateLimit: undefined }));
  results.forEach((result, i) => reporter.onResult(result, { done: i + 1, total: results.length, failed: 1 }));
  reporter.finish();
  assert.equal(io.err().split('\n'), [
    '✓ update Retail (id 12)',
    '✗ create VIP: 409 The group name is already in use',
    '- skipped update Gold (id 14): depends on create:VIP which failed',
    '≠ update Silver (id 15): not converged: the store does not hold what was planned: name differs',
    '',
  ]);
  assert.is(io.out(), '');
});

test('on a terminal, every finished change stays on screen above a live line with the quota left', () => {
  const io = memoryIo({ tty: true, env: { NO_COLOR: '1' } });
  const rateLimit: RateLimitState = { left: 97, quota: 150, resetMs: 2000, windowMs: 30000, at: 0 };
  const reporter = createApplyReporter(io, applyProgressLines({ rateLimit }));
  reporter.onResult(results[0] as ChangeResult, { done: 1, total: 4, failed: 0 });
  reporter.onResult(results[1] as ChangeResult, { done: 2, total: 4, failed: 1 });
  reporter.finish();
  const text = io.err();
  assert.is(text.split('\r').length, 3);
  assert.ok(text.includes('applying 2/4 · 1 failed · 97/150 requests left in window'));
  assert.ok(text.endsWith('\n'));
  // What stays on screen: each finished change on a line of its own, the last live line below them.
  const screen = text.split('\n').map((line) =>
    line
      .split('\r')
      .at(-1)
      ?.replace(/\x1b\[K/g, ''),
  );
  assert.equal(screen, [
    '✓ update Retail (id 12)',
    '✗ create VIP: 409 The group name is already in use',
    'applying 2/4 · 1 failed · 97/150 requests left in window',
    '',
  ]);
});

test("a merge's batches show in the live line on a terminal, and nowhere in a log", () => {
  const tty = memoryIo({ tty: true, env: { NO_COLOR: '1' } });
  const live = createApplyReporter(tty, applyProgressLines({ rateLimit: undefined }));
  live.onMergeProgress({ name: 'Old Wholesale', done: 1, total: 3 });
  live.onMergeProgress({ name: 'Old Wholesale', done: 2, total: 3 });
  live.finish();
  assert.is(
    tty.err(),
    '\rmerging Old Wholesale: 1/3 batches of customers moved\x1b[K' +
      '\rmerging Old Wholesale: 2/3 batches of customers moved\x1b[K\n',
  );
  const log = memoryIo();
  const quiet = createApplyReporter(log, applyProgressLines({ rateLimit: undefined }));
  quiet.onMergeProgress({ name: 'Old Wholesale', done: 1, total: 3 });
  quiet.finish();
  assert.is(log.err(), '');
});

test('on a terminal, a rate-limit wait shows on the live line while nothing finishes', async () => {
  const io = memoryIo({ tty: true, env: { NO_COLOR: '1' } });
  const stats = { waitingUntil: Date.now() + 12_500 };
  const reporter = createApplyReporter(io, applyProgressLines({ rateLimit: undefined, stats }));
  reporter.onResult(results[0] as ChangeResult, { done: 1, total: 4, failed: 0 });
  await new Promise((done) => setTimeout(done, 1100));
  reporter.finish();
  const redrawn = io.err().split('\r').at(-1) ?? '';
  assert.match(redrawn, /^applying 1\/4 · 0 failed · waiting 1[12] s for the store's rate limit/);
  assert.ok(io.err().endsWith('\n'));
});
test.run();
