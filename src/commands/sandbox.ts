// `bcgroups sandbox`: a local BigCommerce-compatible store to try bcgroups against, until Ctrl-C.
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { loadSeedFile, SANDBOX_DEFAULTS, startSandbox, type HolderMode, type SandboxOptions } from '../sandbox/index.js';
import type { Command, CommandContext } from './types.js';

export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'Run a local BigCommerce-compatible store (customer groups API) on 127.0.0.1',
  options: {
    port: { type: 'string', valueName: 'N', default: '0', description: 'port to listen on (0 = any free port)' },
    token: { type: 'string', valueName: 'TOKEN', default: SANDBOX_DEFAULTS.token, description: 'the X-Auth-Token the store accepts' },
    'store-hash': { type: 'string', valueName: 'HASH', default: SANDBOX_DEFAULTS.storeHash, description: 'store hash in the URL path' },
    seed: { type: 'string', valueName: 'FILE', description: 'YAML or JSON list of groups to start with' },
    latency: { type: 'string', valueName: 'MS', default: '0', description: 'delay added to every request' },
    quota: { type: 'string', valueName: 'N', default: String(SANDBOX_DEFAULTS.quota), description: 'rate-limit quota per window' },
    'window-ms': { type: 'string', valueName: 'MS', default: String(SANDBOX_DEFAULTS.windowMs), description: 'rate-limit window' },
    'fault-rate': { type: 'string', valueName: 'P', default: '0', description: 'share of requests answered 500 (0..1)' },
    'ambiguous-create-rate': { type: 'string', valueName: 'P', default: '0', description: 'share of creates that save, then answer 500' },
    'partial-rate': { type: 'string', valueName: 'P', default: '0', description: 'share of writes with discount_rules answered 207: the group is saved, its rules are not' },
    'guest-mode': { type: 'string', valueName: 'MODE', default: 'strict', description: 'a second guest group: strict (422) or move (clear the old one)' },
    'default-mode': { type: 'string', valueName: 'MODE', default: 'strict', description: 'a second default group: strict (422) or move' },
    'reset-rate': { type: 'string', valueName: 'P', default: '0', description: 'share of requests whose connection is reset, before or after the work' },
    'load-429-rate': { type: 'string', valueName: 'P', default: '0', description: 'share of requests answered 429 without rate-limit headers (platform load)' },
    'end-of-list': { type: 'string', valueName: 'HOW', default: SANDBOX_DEFAULTS.endOfList, description: 'past the last page: 204 or empty ([])' },
    'create-status': { type: 'string', valueName: 'CODE', default: String(SANDBOX_DEFAULTS.createStatus), description: 'status of a successful create: 200 or 201' },
  },
  run: (ctx) => runSandbox(ctx, waitForStopSignal()),
};

/** Runs the store until `stop` settles; split from the command so tests can stop it without signals. */
export async function runSandbox(ctx: CommandContext, stop: Promise<unknown>): Promise<number> {
  const sandbox = await startSandbox(await readSandboxOptions(ctx));
  const tokenNote = ctx.values.token === undefined ? `the default sandbox token (see 'bcgroups sandbox --help')` : 'the token given with --token';
  ctx.io.stdout.write(
    [
      `Sandbox store listening on ${sandbox.apiUrl} (store hash '${sandbox.storeHash}', ${sandbox.groups().length} groups)`,
      `API base: ${sandbox.apiUrl}/stores/${sandbox.storeHash}/v2/customer_groups`,
      'Point bcgroups at it from another terminal (or set apiUrl and storeHash in the config):',
      `  BIGCOMMERCE_API_URL=${sandbox.apiUrl} BIGCOMMERCE_STORE_HASH=${sandbox.storeHash} bcgroups plan`,
      `with BIGCOMMERCE_ACCESS_TOKEN set to ${tokenNote}.`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
  await stop;
  await sandbox.close();
  const total = Object.values(sandbox.counters.requests).reduce((sum, n) => sum + n, 0);
  ctx.io.stdout.write(`Sandbox stopped after ${total} requests (${sandbox.counters.rateLimited} rate-limited, ${sandbox.counters.faults} faults).\n`);
  return 0;
}

async function readSandboxOptions({ values, io }: CommandContext): Promise<SandboxOptions> {
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const seedFile = text('seed');
  const seed = seedFile ? await loadSeedFile(resolve(io.cwd, seedFile)).catch((error: Error) => Promise.reject(new UsageError(error.message))) : [];
  return {
    port: readNumber(text('port'), '--port', 0, 65535, true),
    token: text('token'),
    storeHash: text('store-hash'),
    seed,
    latencyMs: readNumber(text('latency'), '--latency', 0, 60_000, true),
    quota: readNumber(text('quota'), '--quota', 1, Number.MAX_SAFE_INTEGER, true),
    windowMs: readNumber(text('window-ms'), '--window-ms', 1, 3_600_000, true),
    faultRate: readNumber(text('fault-rate'), '--fault-rate', 0, 1, false),
    ambiguousCreateRate: readNumber(text('ambiguous-create-rate'), '--ambiguous-create-rate', 0, 1, false),
    partialRate: readNumber(text('partial-rate'), '--partial-rate', 0, 1, false),
    guestMode: readMode(text('guest-mode'), '--guest-mode'),
    defaultMode: readMode(text('default-mode'), '--default-mode'),
    resetRate: readNumber(text('reset-rate'), '--reset-rate', 0, 1, false),
    rateLimit429WithoutHeaders: readNumber(text('load-429-rate'), '--load-429-rate', 0, 1, false),
    endOfList: readChoice(text('end-of-list'), '--end-of-list', ['204', 'empty'] as const),
    createStatus: readChoice(text('create-status'), '--create-status', ['200', '201'] as const, Number) as 200 | 201 | undefined,
  };
}

function readNumber(raw: string | undefined, flag: string, min: number, max: number, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got '${raw}'.`);
  }
  return value;
}

function readMode(raw: string | undefined, flag: string): HolderMode | undefined {
  return readChoice(raw, flag, ['strict', 'move'] as const);
}

/** One of a few documented values; `convert` turns the flag's text into the option's type. */
function readChoice<T extends string, R = T>(raw: string | undefined, flag: string, choices: readonly T[], convert: (value: T) => R = (value) => value as unknown as R): R | undefined {
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
