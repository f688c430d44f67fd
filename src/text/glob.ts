// Name patterns of the config's ignore and protect lists: `*` is any run of characters, `?` one character,
// every other character stands for itself (no escapes, no classes), and case counts, as it does in names.

/** The first pattern that matches the whole name, or undefined. */
export function findMatchingPattern(patterns: readonly string[], name: string): string | undefined {
  return patterns.find((pattern) => compileGlob(pattern).test(name));
}

const compiled = new Map<string, RegExp>();

/** Whole-name match; characters are code points, so `?` takes an emoji as one. */
export function compileGlob(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    const body = [...pattern]
      .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${body}$`, 'su');
    compiled.set(pattern, regex);
  }
  return regex;
}
