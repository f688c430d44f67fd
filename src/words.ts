/** "1 group", "3 groups": a count with its noun, for every message of the tool. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
