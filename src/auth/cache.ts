// Verified tokens remembered until they expire (at most a few minutes), so a client's every request
// does not pay for a signature check; bounded, and keyed by the whole token.
import type { Principal } from './principal.ts';

const MAX_ENTRIES = 10_000;
const MAX_AGE_MS = 5 * 60_000;

export class VerifiedTokens {
  readonly #entries = new Map<string, { principal: Principal; until: number }>();

  get(token: string, now = Date.now()): Principal | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    if (entry.until > now) return entry.principal;
    this.#entries.delete(token);
    return undefined;
  }

  /** Keeps a principal until the token's expiry (seconds since the epoch), five minutes at most. */
  set(token: string, principal: Principal, expiresAt: number | undefined, now = Date.now()): void {
    const until = Math.min(now + MAX_AGE_MS, expiresAt === undefined ? now + MAX_AGE_MS : expiresAt * 1000);
    if (until <= now) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(token, { principal, until });
  }
}
