// Plain ANSI codes; the caller decides whether colour is wanted (a TTY without NO_COLOR).
const CODES = {
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  bold: [1, 22],
  dim: [2, 22],
} as const;

export type Style = keyof typeof CODES;

export function paint(text: string, style: Style, color: boolean): string {
  if (!color) return text;
  const [open, close] = CODES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
