// How two names that the store may count as one differ, in words for messages of the planner and of import.

/** How two names with one nameKey differ, worded for a message: "'a' <this> 'b'". */
export function describeNameDifference(name: string, other: string): string {
  if (name === other) return 'is the same name as';
  if (name.toLowerCase() === other.toLowerCase()) return 'differs only in case from';
  if (name.normalize('NFC') === other.normalize('NFC')) {
    const points = describeCodePointDifference(name, other);
    return `differs only in Unicode normalization (NFC vs NFD: the same letters as other code points, ${points}) from`;
  }
  if (name.normalize('NFKC') === other.normalize('NFKC')) {
    return `differs only in Unicode compatibility forms (full-width, ligature or other look-alike letters: ${describeCodePointDifference(name, other)}) from`;
  }
  return `differs only in case and Unicode normalization (${describeCodePointDifference(name, other)}) from`;
}

/** The code points where two names differ, which print alike: "U+00E9 here, U+0065 U+0301 there". */
function describeCodePointDifference(name: string, other: string): string {
  const a = [...name];
  const b = [...other];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const show = (points: string[]) =>
    points
      .slice(start, points.length - end)
      .map((point) => `U+${(point.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
      .join(' ') || 'nothing';
  return `${show(a)} here, ${show(b)} there`;
}
