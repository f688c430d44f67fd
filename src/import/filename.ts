// File names derived from group names must be safe on every file system a repository is cloned to.

const MAX_SLUG_LENGTH = 60;
const WINDOWS_RESERVED = new Set(['con', 'prn', 'aux', 'nul', 'clock$', ...range('com'), ...range('lpt')]);

function range(prefix: string): string[] {
  return Array.from({ length: 10 }, (_, digit) => `${prefix}${digit}`);
}

/** A lowercase slug of a-z, 0-9 and single hyphens; accents are folded, everything else becomes a hyphen. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function truncate(slug: string, length: number): string {
  return slug.slice(0, length).replace(/-+$/, '');
}

/**
 * A `<slug>.yaml` name for a group, not in `taken` (compared case-insensitively, as on macOS and
 * Windows): `-2`, `-3`... on collisions, `group-<id>` when the name has no usable characters.
 */
export function fileNameFor(name: string, taken: Set<string>, id?: number): string {
  let base = truncate(slugify(name), MAX_SLUG_LENGTH);
  if (base === '') base = id === undefined ? 'group' : `group-${id}`;
  if (WINDOWS_RESERVED.has(base)) base = `${base}-group`;
  const takenLower = new Set([...taken].map((file) => file.toLowerCase()));
  let candidate = `${base}.yaml`;
  for (let n = 2; takenLower.has(candidate); n += 1) {
    const suffix = `-${n}`;
    candidate = `${truncate(base, MAX_SLUG_LENGTH - suffix.length)}${suffix}.yaml`;
  }
  return candidate;
}
