// `bcgroups sandbox`: a local BigCommerce-compatible store to try bcgroups against, until Ctrl-C.
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import type { Sandbox } from '../../sandbox/index.js';
import { SANDBOX_DEFAULTS, SCOPES, type HolderMode, type SandboxOptions, type Scope } from '../../sandbox/options.js';
import { type CommandContext, type CommandOptions, defineCommand } from '../types.js';
import { count as countOf } from '../../text/words.js';

const SANDBOX_OPTIONS = {
  port: { type: 'string', valueName: 'N', default: '0', description: 'port to listen on (0 = any free port)' },
  token: {
    type: 'string',
    valueName: 'TOKEN',
    default: SANDBOX_DEFAULTS.token,
    description: 'the X-Auth-Token the store accepts',
  },
  'store-hash': {
    type: 'string',
    valueName: 'HASH',
    default: SANDBOX_DEFAULTS.storeHash,
    description: 'store hash in the URL path',
  },
  seed: {
    type: 'string',
    valueName: 'FILE',
    description:
      'YAML or JSON seed: a list of groups, or groups, catalog, customers, channels, price_list_assignments, promotions and tax_zones',
  },
  latency: { type: 'string', valueName: 'MS', default: '0', description: 'delay added to every request' },
  quota: {
    type: 'string',
    valueName: 'N',
    default: String(SANDBOX_DEFAULTS.quota),
    description: 'rate-limit quota per window',
  },
  'window-ms': {
    type: 'string',
    valueName: 'MS',
    default: String(SANDBOX_DEFAULTS.windowMs),
    description: 'rate-limit window',
  },
  'fault-rate': {
    type: 'string',
    valueName: 'P',
    default: '0',
    description: 'share of requests answered 500 (0..1)',
  },
  'ambiguous-create-rate': {
    type: 'string',
    valueName: 'P',
    default: '0',
    description: 'share of creates that save, then answer 500',
  },
  'unreadable-write-rate': {
    type: 'string',
    valueName: 'P',
    default: '0',
    description: 'share of group writes that save, then answer 200 with a body cut short',
  },
  'partial-rate': {
    type: 'string',
    valueName: 'P',
    default: '0',
    description: 'share of writes with discount_rules answered 207: the group is saved, its rules are not',
  },
  'guest-mode': {
    type: 'string',
    valueName: 'MODE',
    default: 'strict',
    description: 'a second guest group: strict (422) or move (clear the old one)',
  },
  'default-mode': {
    type: 'string',
    valueName: 'MODE',
    default: 'strict',
    description: 'a second default group: strict (422) or move',
  },
  'reset-rate': {
    type: 'string',
    valueName: 'P',
    default: '0',
    description: 'share of requests whose connection is reset, before or after the work',
  },
  'load-429-rate': {
    type: 'string',
    valueName: 'P',
    default: '0',
    description: 'share of requests answered 429 without rate-limit headers (platform load)',
  },
  'end-of-list': {
    type: 'string',
    valueName: 'HOW',
    default: SANDBOX_DEFAULTS.endOfList,
    description: 'past the last page: 204 or empty ([])',
  },
  'create-status': {
    type: 'string',
    valueName: 'CODE',
    default: String(SANDBOX_DEFAULTS.createStatus),
    description: 'status of a successful create: 200 or 201',
  },
  scopes: {
    type: 'string',
    valueName: 'LIST',
    default: SANDBOX_DEFAULTS.scopes.join(','),
    description: 'OAuth scopes of the token, comma-separated; other requests are answered 403',
  },
  'unknown-references': {
    type: 'string',
    valueName: 'HOW',
    default: SANDBOX_DEFAULTS.unknownReferences,
    description: 'a group naming a category, product or price list the seeded catalog lacks: accept or refuse (422)',
  },
  'string-ids': {
    type: 'boolean',
    default: false,
    description: 'answer rule target ids as strings ("category_id": "20")',
  },
  'date-style': {
    type: 'string',
    valueName: 'STYLE',
    default: SANDBOX_DEFAULTS.dateStyle,
    description: 'dates the store writes: api (2023-07-25 01:15:19) or rfc2822',
  },
  'error-style': {
    type: 'string',
    valueName: 'STYLE',
    default: SANDBOX_DEFAULTS.errorStyle,
    description: 'error bodies of the V2 endpoints: v2 (arrays) or v3 ({status, title, type, errors})',
  },
  'max-concurrent': {
    type: 'string',
    valueName: 'N',
    default: String(SANDBOX_DEFAULTS.maxConcurrent),
    description: 'requests in flight beyond this are answered 429',
  },
} as const satisfies CommandOptions;

type SandboxContext = CommandContext<typeof SANDBOX_OPTIONS>;

export const sandboxCommand = defineCommand({
  name: 'sandbox',
  summary: 'Run a local BigCommerce-compatible store (customer groups, catalog and customers reads) on 127.0.0.1',
  options: SANDBOX_OPTIONS,
  run: (ctx) => runSandbox(ctx, waitForStopSignal),
});

/** Runs the store until `stop()` settles; split from the command so tests can stop it without signals.
 *  `stop` is called only once the store runs, so bad flags leave no signal handler behind. */
export async function runSandbox(ctx: SandboxContext, stop: () => Promise<unknown>): Promise<number> {
  // The server is loaded when it is started, so other commands never load it.
  const { startSandbox } = await import('../../sandbox/index.js');
  const sandbox = await startSandbox(await readSandboxOptions(ctx));
  const stopped = stop();
  // The default token is public (it is in --help); one given with --token is not repeated.
  const token = ctx.values.token === undefined ? SANDBOX_DEFAULTS.token : '"$SANDBOX_TOKEN"';
  ctx.io.stdout.write(
    [
      `Sandbox store listening on ${sandbox.apiUrl} (store hash '${sandbox.storeHash}', ${describeContents(sandbox)})`,
      `API base: ${sandbox.apiUrl}/stores/${sandbox.storeHash}/v2/customer_groups (catalog and customers under /v3)`,
      'Point bcgroups at it from another terminal (or set apiUrl and storeHash in the config):',
      `  export BIGCOMMERCE_API_URL=${sandbox.apiUrl} BIGCOMMERCE_STORE_HASH=${sandbox.storeHash} BIGCOMMERCE_ACCESS_TOKEN=${token}`,
      '  npx --no bcgroups plan',
      ...(ctx.values.token === undefined ? [] : ['with SANDBOX_TOKEN set to the token given with --token.']),
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
  await stopped;
  await sandbox.close();
  const total = Object.values(sandbox.counters.requests).reduce((sum, n) => sum + n, 0);
  ctx.io.stdout.write(
    `Sandbox stopped after ${countOf(total, 'request')} (${sandbox.counters.rateLimited} rate-limited, ${countOf(sandbox.counters.faults, 'fault')}).\n`,
  );
  return 0;
}

function describeContents(sandbox: Sandbox): string {
  const { categories, products, priceLists, customers } = sandbox.catalog;
  const catalog =
    sandbox.catalog.hasCatalog || customers.length > 0
      ? `, ${countOf(categories.length, 'category', 'categories')}, ${countOf(products.length, 'product')}, ${countOf(priceLists.length, 'price list')}, ${countOf(customers.length, 'customer')}`
      : '';
  return `${countOf(sandbox.groups().length, 'group')}${catalog}`;
}

async function readSandboxOptions({ values, io }: SandboxContext): Promise<SandboxOptions> {
  const seedFile = values.seed;
  const { loadSeedFile, seedFileOptions } = await import('../../sandbox/seed.js');
  const seed = seedFile
    ? await loadSeedFile(resolve(io.cwd, seedFile)).catch((error: Error) =>
        Promise.reject(new UsageError(error.message)),
      )
    : { groups: [] };
  return {
    port: readNumber(values.port, '--port', 0, 65535, true),
    token: values.token,
    storeHash: values['store-hash'],
    ...seedFileOptions(seed),
    latencyMs: readNumber(values.latency, '--latency', 0, 60_000, true),
    quota: readNumber(values.quota, '--quota', 1, Number.MAX_SAFE_INTEGER, true),
    windowMs: readNumber(values['window-ms'], '--window-ms', 1, 3_600_000, true),
    faultRate: readNumber(values['fault-rate'], '--fault-rate', 0, 1, false),
    ambiguousCreateRate: readNumber(values['ambiguous-create-rate'], '--ambiguous-create-rate', 0, 1, false),
    partialRate: readNumber(values['partial-rate'], '--partial-rate', 0, 1, false),
    unreadableWriteRate: readNumber(values['unreadable-write-rate'], '--unreadable-write-rate', 0, 1, false),
    guestMode: readMode(values['guest-mode'], '--guest-mode'),
    defaultMode: readMode(values['default-mode'], '--default-mode'),
    resetRate: readNumber(values['reset-rate'], '--reset-rate', 0, 1, false),
    rateLimit429WithoutHeaders: readNumber(values['load-429-rate'], '--load-429-rate', 0, 1, false),
    endOfList: readChoice(values['end-of-list'], '--end-of-list', ['204', 'empty'] as const),
    createStatus: readChoice(values['create-status'], '--create-status', ['200', '201'] as const, Number) as
      | 200
      | 201
      | undefined,
    scopes: readScopes(values.scopes),
    unknownReferences: readChoice(values['unknown-references'], '--unknown-references', ['accept', 'refuse'] as const),
    stringIds: values['string-ids'] === true ? true : undefined,
    dateStyle: readChoice(values['date-style'], '--date-style', ['api', 'rfc2822'] as const),
    errorStyle: readChoice(values['error-style'], '--error-style', ['v2', 'v3'] as const),
    maxConcurrent: readNumber(values['max-concurrent'], '--max-concurrent', 1, 100_000, true),
  };
}

function readNumber(
  raw: string | undefined,
  flag: string,
  min: number,
  max: number,
  integer: boolean,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (
    raw.trim() === '' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new UsageError(
      `${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got '${raw}'.`,
    );
  }
  return value;
}

function readScopes(raw: string | undefined): Scope[] | undefined {
  if (raw === undefined) return undefined;
  const scopes = raw
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
  const unknown = scopes.filter((scope) => !(SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0)
    throw new UsageError(
      `--scopes takes a comma-separated list of ${SCOPES.join(', ')}; '${unknown.join(', ')}' is none of them.`,
    );
  return scopes as Scope[];
}

function readMode(raw: string | undefined, flag: string): HolderMode | undefined {
  return readChoice(raw, flag, ['strict', 'move'] as const);
}

/** One of a few documented values; `convert` turns the flag's text into the option's type. */
function readChoice<T extends string, R = T>(
  raw: string | undefined,
  flag: string,
  choices: readonly T[],
  convert: (value: T) => R = (value) => value as unknown as R,
): R | undefined {
  if (raw === undefined) return undefined;
  if ((choices as readonly string[]).includes(raw)) return convert(raw as T);
  throw new UsageError(`${flag} must be ${choices.join(' or ')}, got '${raw}'.`);
}

function waitForStopSignal(): Promise<string> {
  return new Promise((done) => {
    process.once('SIGINT', () => done('SIGINT'));
    process.once('SIGTERM', () => done('SIGTERM'));
  });
}
