// The storefront keys' rules at file:line: one list per channel, no price lists beside discounts, and one
// default and one guest group per channel across files.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject } from '../support/cli.js';

async function validate(files: Record<string, string>) {
  const project = await openProject(files);
  try {
    return await project.run('validate');
  } finally {
    await project.close();
  }
}

test('two lists on one channel, and two for every channel, are refused at their lines', async () => {
  const run = await validate({
    'a.yaml': [
      'name: A',
      'price_lists:',
      '  - price_list: X',
      '    channel: EU',
      '  - price_list_id: 4',
      '    channel: EU',
      '  - price_list: Y',
      '  - price_list: Z',
      '',
    ].join('\n'),
  });
  assert.is(run.code, 1);
  assert.match(run.err, /a\.yaml:5:\d+.*channel 'EU' already has a price list in this group, at line 3/);
  assert.match(run.err, /a\.yaml:8:\d+.*every channel already has a price list in this group, at line 7/);
});

test('price lists beside discounts are refused, saying why', async () => {
  const run = await validate({
    'a.yaml':
      'name: A\ndiscount_rules:\n  - {type: all, method: percent, amount: 5}\nprice_lists:\n  - price_list: X\n',
    'b.yaml': 'name: B\ndiscount_rules:\n  - {type: price_list, price_list_id: 3}\nprice_lists:\n  - price_list: X\n',
    'c.yaml': 'name: C\ndiscount_rules:\n  - {type: all, method: percent, amount: 5}\nprice_lists: []\n',
  });
  assert.is(run.code, 1);
  assert.match(
    run.err,
    /a\.yaml:4:\d+.*BigCommerce refuses a price list assignment on a group with customer group discounts/,
  );
  assert.match(run.err, /b\.yaml:4:\d+.*the price_list rule at line 2 and price_lists both assign price lists/);
  assert.not.match(run.err, /c\.yaml/);
});

test('two files claiming one channel role are refused; a channel and an entry without either key too', async () => {
  const run = await validate({
    'a.yaml': 'name: A\ndefault_on_channels: [EU]\nguest_on_channels: [EU]\n',
    'b.yaml': 'name: B\ndefault_on_channels: [EU, 3]\n',
    'c.yaml': 'name: C\nprice_lists:\n  - {price_list: X, channel: EU, channel_id: 2}\n',
  });
  assert.is(run.code, 1);
  assert.match(
    run.err,
    /a\.yaml:2:\d+.*2 files make channel 'EU' their default group \(groups\/a\.yaml:2, groups\/b\.yaml:2\)/,
  );
  assert.match(run.err, /b\.yaml:2:\d+.*2 files make channel 'EU' their default group/);
  assert.not.match(run.err, /guest group/);
  assert.match(run.err, /c\.yaml:3/);
});

test('the keys validate clean when used right', async () => {
  const run = await validate({
    'a.yaml':
      'name: A\nprice_lists:\n  - price_list: X\n    channel: EU\n  - price_list_id: 2\ndefault_on_channels: [EU]\n',
  });
  assert.is(run.code, 0, run.err);
});

test.run();
