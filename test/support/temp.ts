// Temporary folders that go away when the test process ends, even when a test fails half-way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system's temp folder, named `bcgroups-PREFIX-…`, removed at exit. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `bcgroups-${prefix}-`));
  made.push(dir);
  return dir;
}
