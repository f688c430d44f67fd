import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findSeedProblems, startSandbox } from '../../src/sandbox/index.js';

test('two seed groups with the same id are refused, not the first overwritten', () => {
  const problems = findSeedProblems([
    { id: 3, name: 'A' },
    { id: 3, name: 'B' },
  ]);
  assert.equal(problems, ["seed group 2 ('B'): id 3 is already used by seed group 1"]);
});

test('an id clashing with one the store would give automatically is refused, either way round', () => {
  assert.equal(findSeedProblems([{ name: 'A' }, { id: 1, name: 'B' }]), [
    "seed group 2 ('B'): id 1 is already used by seed group 1",
  ]);
  assert.equal(findSeedProblems([{ id: 5, name: 'A' }, { name: 'B' }, { id: 6, name: 'C' }]), [
    "seed group 3 ('C'): id 6 is already used by seed group 2",
  ]);
  assert.equal(
    findSeedProblems([{ id: 2, name: 'A' }, { id: 1, name: 'B' }, { name: 'C' }]),
    [],
    'C is given 3, which is free',
  );
});

test('names are unique in a seed, whatever their case and spaces', () => {
  assert.equal(findSeedProblems([{ name: 'Retail' }, { name: ' retail ' }]), [
    "seed group 2 (' retail '): the name is used twice",
  ]);
});

for (const flag of ['is_group_for_guests', 'is_default'] as const) {
  test(`a seed with two holders of ${flag} is refused`, async () => {
    const seed = [
      { name: 'A', [flag]: true },
      { name: 'B', [flag]: false },
      { name: 'C', [flag]: true },
    ];
    assert.equal(findSeedProblems(seed), [
      `seed group 3 ('C'): ${flag} is already held by seed group 1; only one group may hold it`,
    ]);
    const refused = await startSandbox({ seed }).then(
      async (sandbox) => void (await sandbox.close()),
      (error: Error) => error.message,
    );
    assert.match(refused ?? '', new RegExp(`${flag} is already held`));
  });
}

test('a seed with one holder of each flag and distinct ids is accepted', () => {
  assert.equal(
    findSeedProblems([
      { id: 4, name: 'Guests', is_group_for_guests: true },
      { name: 'Retail', is_default: true },
      { id: 9, name: 'Trade' },
    ]),
    [],
  );
});

test.run();
