// Every JSON the CLI prints is checked against the schema it names: plan and drift against
// schemas/plan.schema.json, validate, apply and plan --all-stores against schemas/output.schema.json.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openProject, VIP } from '../../support/cli.js';
import { openTwoStores } from '../../support/stores.js';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../schemas/${name}`, import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(read('plan.schema.json'));
ajv.addSchema(read('output.schema.json'));
const PLAN = 'https://bcgroups.dev/schemas/plan.schema.json';
const OUTPUT = 'https://bcgroups.dev/schemas/output.schema.json';

function assertValid(schema: string, text: string, what: string): Record<string, unknown> {
  const document = JSON.parse(text) as Record<string, unknown>;
  const validate = ajv.getSchema(schema);
  assert.ok(validate, schema);
  assert.ok(validate(document), `${what}: ${JSON.stringify(validate.errors)}`);
  return document;
}

test('plan, drift, validate and apply print JSON their schemas accept; a single-store plan names its store', async () => {
  const project = await openProject({ 'vip.yaml': VIP, 'new.yaml': 'name: New\n' }, { seed: [{ id: 3, name: 'VIP' }] });
  try {
    const plan = await project.run('plan', '--format', 'json');
    const planned = assertValid(PLAN, plan.out, 'plan');
    assert.equal(planned.store, { hash: project.sandbox.storeHash, api_url: new URL(project.sandbox.apiUrl).origin });
    const drift = await project.run('drift', '--format', 'json');
    assert.is(drift.code, 2);
    const drifted = assertValid(PLAN, drift.out, 'drift') as { changes: { reason: string }[] };
    // Drift cannot know which side moved: its reason names what the store has, never "changed in" a file.
    assert.equal(
      drifted.changes.map((change) => change.reason),
      ['VIP: discount_rules differ (store lacks 10% off all products)', 'New: in a file but not in the store'],
    );
    assertValid(`${OUTPUT}#/$defs/validate`, (await project.run('validate', '--format', 'json')).out, 'validate');
    await project.writeGroups({ 'bad.yaml': 'name: 5\n' });
    const invalid = await project.run('validate', '--format', 'json');
    assert.is(invalid.code, 1);
    assertValid(`${OUTPUT}#/$defs/validate`, invalid.out, 'validate with problems');
    await project.writeGroups({ 'vip.yaml': VIP });
    const applied = await project.run('apply', '--yes', '--format', 'json');
    assert.is(applied.code, 0, applied.err);
    assertValid(`${OUTPUT}#/$defs/apply`, applied.out, 'apply');
  } finally {
    await project.close();
  }
});

test('plan --all-stores prints JSON its schema accepts, naming the config file', async () => {
  const two = await openTwoStores({
    production: [{ id: 1, name: 'Retail', is_default: true }],
    staging: [{ id: 101, name: 'Retail', is_default: true }],
  });
  try {
    await two.writeGroups({ 'retail.yaml': 'name: Retail\nis_default: true\n' });
    const all = await two.run(['plan', '--all-stores', '--format', 'json']);
    assert.is(all.code, 0, all.err);
    const document = assertValid(`${OUTPUT}#/$defs/planStores`, all.out, 'plan --all-stores');
    assert.type(document.config_file, 'string');
  } finally {
    await two.close();
  }
});

test.run();
