// The official specs in shared/reference, found by walking up from the repository, so a test finds them
// from the main checkout and from a worktree alike; undefined when no folder above holds them.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findReferenceSpec(file: string): string | undefined {
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const candidate = join(folder, 'shared', 'reference', file);
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return undefined;
  }
}
