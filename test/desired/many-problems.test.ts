// Thousands of files that clash must still give one short message each: the lists of other files are
// capped, so any number of problems is reported in linear time and size, by `validate` as by the loader.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject } from '../support/cli.js';

const many = suite('many clashing files');

many('4,000 default groups with one name: each message names a few files and counts the rest', async () => {
  const files: Record<string, string> = {};
  for (let index = 0; index < 4000; index += 1)
    files[`g${String(index).padStart(4, '0')}.yaml`] = 'name: Same\nis_default: true\n';
  const project = await openProject({});
  try {
    await project.writeGroups(files);
    const { code, out, err } = await project.run('validate');
    assert.is(code, 1);
    const text = out + err;
    assert.not.match(text, /RangeError|\n\s+at /);
    assert.match(
      text,
      new RegExp(
        '4000 files set is_default: true \\(groups\\/g0000\\.yaml:2, groups\\/g0001\\.yaml:2, ' +
          'groups\\/g0002\\.yaml:2, groups\\/g0003\\.yaml:2, groups\\/g0004\\.yaml:2 and 3,995 more\\); a store has ' +
          'one default group',
      ),
    );
    assert.match(
      text,
      new RegExp(
        "name 'Same' is also used by groups\\/g0000\\.yaml:1, groups\\/g0001\\.yaml:1, groups\\/g0002\\.yaml:1, " +
          'groups\\/g0003\\.yaml:1, groups\\/g0004\\.yaml:1 and 3,994 more',
      ),
    );
    // 8,000 problems of a few hundred characters each, not 4,000 lists of 4,000 files.
    assert.ok(text.length < 8000 * 600, `output is ${text.length} characters`);
  } finally {
    await project.close();
  }
});

many.run();
