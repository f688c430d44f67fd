// Checks shared by the readers of what names a group (promotions, tax zones, customers). A group id there
// may be 0 ("guests and customers in no group"); values are quoted only when they are numbers, so no text
// of a customer (an email, a name) can reach a message.
import { AnswerProblem } from './parse.js';

/** A group id as the references write it: 0 or a positive safe integer (leniently, its digits as a string). */
export function parseGroupRef(raw: unknown, where: string): number {
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new AnswerProblem(`${where} is ${quoteNumber(raw)}, expected 0 or a group id`);
}

/** A list of group ids; missing or null is an empty list, as the specs say an empty list means "all". */
export function parseGroupRefs(raw: unknown, where: string): number[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new AnswerProblem(`${where} is ${quoteNumber(raw)}, expected an array of group ids`);
  return raw.map((id, index) => parseGroupRef(id, `${where}[${index}]`));
}

/** An object of the answer, or a problem that says what it was without quoting it. */
export function expectRecord(raw: unknown, where: string): Record<string, unknown> {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
  throw new AnswerProblem(`${where} is ${quoteNumber(raw)}, expected an object`);
}

/** A positive safe integer id, never quoting text. */
export function parseRecordId(raw: unknown, where: string): number {
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0) return raw;
  if (typeof raw === 'string' && /^\d{1,15}$/.test(raw) && Number(raw) > 0) return Number(raw);
  throw new AnswerProblem(`${where} is ${quoteNumber(raw)}, expected a positive integer id`);
}

/** Numbers as they are; anything else only by its kind ("a string", "an array"), so no text leaks. */
export function quoteNumber(raw: unknown): string {
  if (typeof raw === 'number') return String(raw);
  if (raw === undefined) return 'missing';
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'an array';
  return typeof raw === 'object' ? 'an object' : `a ${typeof raw}`;
}
