// What the storefront routes share: the request they are handed and two small answers.
import type { RouteAnswer } from './routes.js';
import { v3Fail } from './v3-routes.js';

export interface StorefrontRequest {
  api: 'v2' | 'v3';
  method: string;
  /** Path below /stores/{hash}/{api}. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export function notAllowed(method: string, allow: string): RouteAnswer {
  return { ...v3Fail(405, `The method ${method} is not allowed on this resource.`), headers: { Allow: allow } };
}

export function indexed(messages: string[]): Record<string, string> {
  return Object.fromEntries(messages.map((message, index) => [String(index + 1), message]));
}
