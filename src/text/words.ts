/** A folder as messages name it: "groups/", "stores/eu/" (the config's groupsDir or --dir). */
export function folderLabel(dir: string): string {
  return `${dir.replace(/\/+$/, '') || '.'}/`;
}

/** "1 group", "3 groups": a count with its noun, for every message of the tool. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
