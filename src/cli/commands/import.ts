// `bcgroups import`: start a repository from a store that already exists.
import { EXIT } from '../../errors.js';
import { escapeControl } from '../../render/escape.js';
import { describeRequests } from '../../render/requests.js';
import { DIR_OPTION, READ_OPTIONS, STORE_OPTIONS, resolveStoreConfig } from '../options.js';
import { importStore } from '../../run/import.js';
import { defineCommand } from '../types.js';
import { count as countOf } from '../../text/words.js';

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Write one YAML file per live group into groups/ (a plan right after shows no changes).',
  options: {
    dir: DIR_OPTION,
    ...STORE_OPTIONS,
    'no-catalog': READ_OPTIONS['no-catalog'],
    overwrite: { type: 'boolean', default: false, description: 'replace existing files that differ' },
    'by-name': {
      type: 'boolean',
      default: false,
      description: 'write categories, products and price lists by name instead of by id',
    },
  },
  async run(ctx) {
    const config = await resolveStoreConfig(ctx);
    const { result, liveGroups, ignored, store, leftOut } = await importStore({
      config,
      cwd: ctx.io.cwd,
      env: ctx.io.env,
      overwrite: ctx.values.overwrite === true,
      byName: ctx.values['by-name'] === true,
    });
    if (leftOut) ctx.io.stderr.write(`Note: ${leftOut}\n`);
    for (const file of result.written) ctx.io.stdout.write(`wrote ${file}\n`);
    for (const file of result.skipped) ctx.io.stdout.write(`unchanged ${file}\n`);
    for (const refusal of result.refused) {
      ctx.io.stderr.write(
        `refused '${escapeControl(refusal.name)}' (id ${refusal.id}): ${refusal.reasons.map(escapeControl).join('; ')}\n`,
      );
    }
    const refused = result.refused.length > 0 ? `, ${result.refused.length} refused` : '';
    const of = result.refused.length > 0 ? ` of ${liveGroups.length}` : '';
    ctx.io.stdout.write(
      `Imported ${countOf(liveGroups.length - result.refused.length, 'group')}${of} (${result.written.length} written, ${result.skipped.length} unchanged${refused}) with ${describeRequests(store.client.stats)}.\n` +
        (config.ignore.length > 0 ? `${describeIgnored(ignored)}\n` : '') +
        (result.schemaPath === undefined ? `${NO_MODELINE}\n` : '') +
        `${describeNext(result.written.length + result.skipped.length, result.refused.length)}\n`,
    );
    if (result.refused.length === 0) return EXIT.ok;
    ctx.io.stderr.write(
      `No file was written for ${countOf(result.refused.length, 'refused group')}: fix them in the store (rename one of two clashing names, or correct a value group files cannot hold), then run import again.\n` +
        'Until then no file describes them, so `apply --prune` would delete them.\n',
    );
    return EXIT.error;
  },
});

/** Said even when none matched, so a pattern that matches nothing is noticed. */
function describeIgnored(ignored: number): string {
  return `Left out ${countOf(ignored, 'group')} that the config's ignore patterns leave to another writer.`;
}

const NO_MODELINE =
  'No schema modeline was written: bcgroups runs from outside this project (a global install or npx), and a path there would break on other machines. Install bcgroups as a dev dependency and import again to get one.';

/** What to do after an import, worded for what it did: files to review, or only groups to fix. */
function describeNext(files: number, refused: number): string {
  if (files === 0 && refused > 0)
    return 'Next: no group has a file yet; fix the refused groups in the store, then run import again.';
  if (refused > 0) {
    return `Next: review the files, commit them, and run \`bcgroups plan\`: it should report no changes, with the ${countOf(refused, 'refused group')} among the unmanaged ones.`;
  }
  return 'Next: review the files, commit them, and run `bcgroups plan`: it should report no changes.';
}
