import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ChangeResult } from '../../src/model/index.js';
import { renderApplyJson, renderApplySummary, renderResultLine } from '../../src/render/apply.js';
import { results, stats } from './results.js';

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
  assert.equal(document.results[1], {
    key: 'create:VIP',
    action: 'create',
    name: 'VIP',
    id: null,
    outcome: 'failed',
    status: 409,
    error: 'The group name is already in use',
  });
  assert.equal(
    document.results.map((r: { key: string }) => r.key),
    results.map((r) => r.key),
  );
  assert.is(document.requests.PUT, 7);
  assert.is(document.duration_ms, 1235);
});

test.run();
