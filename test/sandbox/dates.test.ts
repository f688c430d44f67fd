import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDateValue } from '../../src/model/dates.js';
import { callSandbox, withSandbox } from '../support/sandbox.js';

const JUL_25 = Date.UTC(2023, 6, 25, 1, 15, 19) / 1000;

test('dates in the API format (UTC), ISO 8601 and RFC 2822 read as the same moment', () => {
  for (const text of [
    '2023-07-25 01:15:19',
    '2023-07-25T01:15:19Z',
    '2023-07-25T01:15:19',
    '2023-07-25T03:15:19+02:00',
    'Tue, 25 Jul 2023 01:15:19 +0000',
    '25 Jul 2023 03:15:19 +0200',
  ]) {
    assert.is(parseDateValue(text), JUL_25, text);
  }
  assert.is(parseDateValue('2023-07-25'), Date.UTC(2023, 6, 25) / 1000);
  for (const text of ['yesterday', '1', '', '2023-02-30', '2023-13-01 00:00:00', '2023-07-25 25:00:00', '25/07/2023'])
    assert.is(parseDateValue(text), undefined, text);
});

const SEED = [
  { name: 'Old', date_created: '2021-01-10 08:00:00', date_modified: '2022-05-01 00:00:00' },
  { name: 'Mid', date_created: '2023-07-25 01:15:19', date_modified: '2023-07-25 01:15:19' },
  { name: 'New', date_created: 'Mon, 01 Jan 2024 12:00:00 +0000', date_modified: 'Mon, 01 Jan 2024 12:00:00 +0000' },
];

test('date_created and date_modified filter the list: exact, :min and :max, in any accepted form', () =>
  withSandbox({ seed: SEED, endOfList: 'empty' }, async (sandbox) => {
    const names = async (query: string) =>
      ((await callSandbox(sandbox, 'GET', `/customer_groups?${query}`)).body as Array<{ name: string }>).map(
        (g) => g.name,
      );
    assert.equal(await names('date_created=2023-07-25%2001:15:19'), ['Mid']);
    assert.equal(await names('date_created=2023-07-25T01:15:20Z'), []);
    assert.equal(await names('date_created:min=2023-07-25T01:15:19Z'), ['Mid', 'New']);
    assert.equal(await names('date_created:max=2023-07-25'), ['Old']);
    assert.equal(
      await names(
        `date_modified:min=${encodeURIComponent('Sun, 01 May 2022 00:00:00 +0000')}&date_modified:max=2023-12-31`,
      ),
      ['Old', 'Mid'],
    );
    assert.equal(
      await names('date_modified:max=2024-01-01T12:00:00%2B00:00&name:like=w'),
      ['New'],
      ':max is inclusive',
    );
    assert.equal(await names('date_modified:max=2024-01-01T13:59:59%2B02:00'), ['Old', 'Mid'], 'an offset is honoured');
  }));

test('a date filter that is no date is a 400 V2 error', () =>
  withSandbox({ seed: SEED }, async (sandbox) => {
    for (const query of ['date_created=yesterday', 'date_modified:min=2023-02-30', 'date_created:max=']) {
      const answer = await callSandbox(sandbox, 'GET', `/customer_groups?${query}`);
      assert.is(answer.status, 400, query);
      const [error] = answer.body as Array<{ status: number; message: string }>;
      assert.is(error?.status, 400);
      assert.match(error?.message ?? '', /must be a date/);
    }
  }));

test.run();
