// Making a folder and the missing ones above it, one level at a time. Node's own recursive mkdir never
// settles on some file systems (a path under /proc waits forever): each level here fails or succeeds at once.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

export async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const found = await stat(current).then(
      () => true,
      () => false,
    );
    if (found || path.dirname(current) === current) break;
    missing.unshift(current);
  }
  for (const level of missing) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
