// `bcgroups validate`: checks the group files offline; needs neither token nor network.
import { ValidationError, EXIT } from '../../errors.js';
import { renderProblemsJson } from '../../render/problem.js';
import { count } from '../../text/words.js';
import { writeAnnotations } from '../annotations.js';
import { DIR_OPTION, readFormat, resolveConfig } from '../options.js';
import { checkFiles } from '../../run/validate.js';
import { type CommandContext, defineCommand } from '../types.js';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'Check the group files (offline): syntax, schema and store-wide rules.',
  offline: true,
  options: {
    dir: DIR_OPTION,
    format: {
      type: 'string',
      valueName: 'FORMAT',
      default: 'text',
      description: 'text or json (a document listing every problem)',
    },
  },
  async run(ctx) {
    const format = readFormat(ctx, ['text', 'json']);
    if (format === 'json') return validateAsJson(ctx);
    const config = await resolveConfig(ctx);
    const { desired, targets } = await checkFiles(config, ctx.io.cwd);
    const groups = desired.groups.length;
    const files = desired.files.length;
    const dir = config.groupsDir.endsWith('/') ? config.groupsDir : `${config.groupsDir}/`;
    ctx.io.stdout.write(
      `OK: ${count(groups, 'group')} in ${count(files, 'file')} under ${dir} ${groups === 1 ? 'is' : 'are'} valid.\n`,
    );
    // Offline means the catalog is not read: say what is left for plan to check.
    const { byId, byName } = targets;
    if (byId + byName > 0) {
      ctx.io.stdout.write(
        `Not checked offline: whether the categories, products and price lists the groups point at exist in the store (${count(byId + byName, 'target')}: ${byId} by id, ${byName} by name); plan checks them.\n`,
      );
    }
    return EXIT.ok;
  },
});

/** Problems of the files and of the config are data here, on stdout; any other error stays an error. */
async function validateAsJson(ctx: CommandContext): Promise<number> {
  let ownership: { ignore: string[]; protect: string[] } | undefined;
  try {
    const config = await resolveConfig(ctx);
    ownership = { ignore: config.ignore, protect: config.protect };
    const { desired } = await checkFiles(config, ctx.io.cwd);
    ctx.io.stdout.write(
      renderProblemsJson({
        dir: config.groupsDir,
        groups: desired.groups.length,
        files: desired.files.length,
        ownership,
        problems: [],
      }),
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    writeAnnotations(ctx.io, error.problems);
    ctx.io.stdout.write(renderProblemsJson({ ...(ownership ? { ownership } : {}), problems: error.problems }));
    return EXIT.error;
  }
}
