// `bcgroups validate`: checks groups/ offline; needs neither token nor network.
import { DIR_OPTION, loadDesiredFor, resolveConfig } from './options.js';
import type { Command } from './types.js';
import { count } from '../words.js';
import { EXIT } from '../exit.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check the group files (offline): syntax, schema and store-wide rules.',
  options: { dir: DIR_OPTION },
  async run(ctx) {
    const config = await resolveConfig(ctx);
    const desired = await loadDesiredFor(ctx, config);
    const groups = desired.groups.length;
    const files = desired.files.length;
    const dir = config.groupsDir.endsWith('/') ? config.groupsDir : `${config.groupsDir}/`;
    ctx.io.stdout.write(`OK: ${count(groups, 'group')} in ${count(files, 'file')} under ${dir} ${groups === 1 ? 'is' : 'are'} valid.\n`);
    return EXIT.ok;
  },
};
