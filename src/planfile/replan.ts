// The re-plan advice: the plan command that re-makes a saved plan the way this run was invoked (same store,
// files and config), for the messages that tell a person what to run next.

/** The flags as given to the run, by name ("store", "no-catalog", "prune"). */
export type GivenFlags = Readonly<Record<string, string | boolean | undefined>>;

/** Flags that say which store, files and config a run used; a suggested re-plan must repeat them. */
const CONTEXT_FLAGS = ['config', 'dir', 'store', 'store-hash', 'api-url'] as const;
/** Boolean flags a suggested re-plan must repeat. */
const CONTEXT_SWITCHES = ['no-catalog', 'no-customers'] as const;

export function replanCommand(given: GivenFlags, out: string, options: { prune: boolean; force: boolean }): string {
  const parts = ['bcgroups plan'];
  for (const flag of CONTEXT_FLAGS) {
    const value = given[flag];
    if (typeof value === 'string') parts.push(`--${flag} ${quoteArgument(value)}`);
  }
  for (const flag of CONTEXT_SWITCHES) if (given[flag] === true) parts.push(`--${flag}`);
  if (options.prune) parts.push('--prune');
  else if (given.prune === false) parts.push('--no-prune');
  if (options.force) parts.push('--force');
  parts.push(`--out ${quoteArgument(out)}`);
  return parts.join(' ');
}

/** A shell word as a person can paste it. */
function quoteArgument(value: string): string {
  return /^[\w./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
