// A category path as group files write it: names from the root of its tree joined by '/'. A '/' inside
// a name is written '\/' and a backslash '\\', so any name can be written and every path reads one way.

/** The names of a path, unescaped; the schema has already refused empty names and stray backslashes. */
export function splitCategoryPath(path: string): string[] {
  const names: string[] = [];
  let current = '';
  for (let index = 0; index < path.length; index++) {
    const char = path[index];
    if (char === '\\' && index + 1 < path.length) {
      current += path[++index];
    } else if (char === '/') {
      names.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  names.push(current);
  return names;
}

/** The path that splitCategoryPath reads back as exactly these names. */
export function formatCategoryPath(names: readonly string[]): string {
  return names.map((name) => name.replace(/\\/g, '\\\\').replace(/\//g, '\\/')).join('/');
}
