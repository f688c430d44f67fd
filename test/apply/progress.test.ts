import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createApplyReporter, renderApplyJson, renderApplySummary, renderResultLine } from '../../src/apply/progress.js';
import { memoryIo } from '../../src/io.js';
import type { ChangeResult, ClientStats, RateLimitState } from '../../src/model.js';

const results: ChangeResult[] = [
  { key: 'update:12', action: 'update', name: 'Retail', id: 12, outcome: 'applied' },
  { key: 'create:VIP', action: 'create', name: 'VIP', outcome: 'failed', status: 409, error: 'The group name is already in use' },
  { key: 'update:14', action: 'update', name: 'Gold', id: 14, outcome: 'skipped', error: 'depends on create:VIP which failed' },
  { key: 'update:15', action: 'update', name: 'Silver', id: 15, outcome: 'not_converged', error: 'the store does not hold what was written: name differs' },
];

const stats: ClientStats = { requests: { GET: 2, POST: 1, PUT: 7, DELETE: 3 }, retries: 4, rateLimited: 1, waitedMs: 250, bytesSent: 900 };

test('one line per finished change without a terminal', () => {
  const io = memoryIo();
  const reporter = createApplyReporter(io, { rateLimit: undefined });
  results.forEach((result, i) => reporter.onResult(result, { done: i + 1, total: results.length, failed: 1 }));
  reporter.finish();
  assert.equal(io.err().split('\n'), [
    '✓ update Retail (id 12)',
    '✗ create VIP: 409 The group name is already in use',
    '- skipped update Gold (id 14): depends on create:VIP which failed',
    '≠ update Silver (id 15): not converged: the store does not hold what was written: name differs',
    '',
  ]);
  assert.is(io.out(), '');
});

test('a live line rewritten in place on a terminal, with the quota left', () => {
  const io = memoryIo({ tty: true, env: { NO_COLOR: '1' } });
  const rateLimit: RateLimitState = { left: 97, quota: 150, resetMs: 2000, windowMs: 30000, at: 0 };
  const reporter = createApplyReporter(io, { rateLimit });
  reporter.onResult(results[0] as ChangeResult, { done: 1, total: 4, failed: 0 });
  reporter.onResult(results[1] as ChangeResult, { done: 2, total: 4, failed: 1 });
  reporter.finish();
  const text = io.err();
  assert.is(text.split('\r').length, 3);
  assert.ok(text.includes('applying 2/4 · 1 failed · 97/150 requests left in window'));
  assert.ok(text.endsWith('\n'));
  assert.is(text.split('\n').length, 2);
});

test('colour only when the terminal allows it', () => {
  assert.not.match(renderResultLine(results[0] as ChangeResult, false), /\x1b/);
  assert.match(renderResultLine(results[0] as ChangeResult, true), /\x1b\[32m/);
});

test('the summary counts outcomes, lists what did not apply and the request statistics', () => {
  const text = renderApplySummary(results, stats, 3200);
  assert.match(text, /Applied 1, failed 1, skipped 1, not converged 1 \(of 4 changes\) in 3\.2 s/);
  assert.match(text, /Requests: 13 \(GET 2, POST 1, PUT 7, DELETE 3\), 4 retries, 1 rate-limited \(429\)/);
  assert.match(text, /✗ create VIP: 409/);
  assert.not.match(text, /✓/);
});

test('json carries format_version 1 and every change in order', () => {
  const document = JSON.parse(renderApplyJson(results, stats, 1234.5));
  assert.is(document.format_version, 1);
  assert.equal(document.summary, { applied: 1, failed: 1, skipped: 1, not_converged: 1, total: 4 });
  assert.equal(document.results[1], { key: 'create:VIP', action: 'create', name: 'VIP', id: null, outcome: 'failed', status: 409, error: 'The group name is already in use' });
  assert.equal(document.results.map((r: { key: string }) => r.key), results.map((r) => r.key));
  assert.is(document.requests.PUT, 7);
  assert.is(document.duration_ms, 1235);
});

test.run();
