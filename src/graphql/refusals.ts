// The upstream's business refusals of a write, as data a client can switch on (a mutation's
// userErrors). The upstream says only "403" and a message, so the message is read tolerantly:
// an unknown one is REFUSED, and a 403 of the upstream is never the gateway's FORBIDDEN.
import { UpstreamError } from '../upstream/errors.ts';
import type { UserError, UserErrorCode } from './__generated__/resolvers.ts';

/** First match wins; the Sandbox's messages and the Spanish of the operator's markets. */
const KINDS: [UserErrorCode, RegExp][] = [
  ['LINE_BLOCKED', /\bblocked\b|bloquead[ao]/i],
  ['PENDING_REQUEST', /\bin process\b|\bpending\b|en (proceso|tr[aá]mite)|pendiente/i],
  ['LIMIT_REACHED', /\blimit\b|\bslots? left\b|l[ií]mite|m[aá]ximo/i],
  ['NOT_ELIGIBLE', /not eligible|not an upgrade|no (es )?elegible|no aplica/i],
  ['ALREADY_ACTIVE', /\balready\b|\bya (est[aá]|existe|tiene|es)/i],
];

/** The refusal behind a failed write, or null when the failure is not a business refusal. */
export function refusalOf(error: unknown): UserError | null {
  if (!(error instanceof UpstreamError) || error.failure !== 'http' || error.status !== 403) return null;
  const code = KINDS.find(([, pattern]) => pattern.test(error.message))?.[0] ?? 'REFUSED';
  return { code, message: error.message };
}
