/** Exit codes of every command; cli.ts is the only place that sets them on the process. */
export const EXIT = { ok: 0, error: 1, changes: 2, refused: 3, failed: 4, stale: 5 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
