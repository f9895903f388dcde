// The token issuer's keys (a JWKS), fetched with jose's remote key set and kept through the issuer's
// outages: an issuer that cannot be reached is the gateway's problem (503 with Retry-After), never a
// reason to call a caller's token invalid.
//
// jose fetches (one fetch in flight, shared by every waiting request; `timeoutDuration`), says when
// its keys are fresh (`cacheMaxAge`) and when a new fetch for an unknown `kid` is allowed
// (`cooldownDuration`). jose alone would fetch again on every request once a fetch failed, and drop
// keys that are past their age; around it, this file adds a pause after a failed fetch (no request
// waits for the issuer then) and keeps using the last keys for a grace period while it is unreachable.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWSHeaderParameters,
} from 'jose';

/** up: keys are fresh. stale: the issuer is unreachable, older keys still serve. down: no usable keys. */
export type ProviderState = 'up' | 'stale' | 'down';

export interface JwksOptions {
  url: string;
  /** Longest wait for one fetch. */
  timeoutMs: number;
  /** How long fetched keys are fresh; past that the next request fetches again. */
  maxAgeMs: number;
  /** After fresh: how long the last keys still serve while the issuer cannot be reached. */
  staleMs: number;
  /** After a fetch: no new fetch for a token with an unknown `kid` within this time. */
  cooldownMs: number;
  /** After a failed fetch: no new fetch within this time (requests without usable keys get 503). */
  retryMs: number;
  observer?: { state?: (state: ProviderState) => void; fetched?: (ok: boolean) => void };
}

/** The issuer's keys cannot be had now: the caller is told to retry, not that its token is bad. */
export class AuthUnavailableError extends Error {
  override name = 'AuthUnavailableError';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('The identity provider cannot be reached to check the token; retry later');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface RemoteKeys {
  /** A jose key resolver for jwtVerify. */
  key(header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey>;
  /** The issuer's state once the first fetch has ended; starts a fetch in the background when one is due. */
  state(): Promise<ProviderState>;
}

export function remoteKeys(options: JwksOptions): RemoteKeys {
  const remote = createRemoteJWKSet(new URL(options.url), {
    timeoutDuration: options.timeoutMs,
    cacheMaxAge: options.maxAgeMs,
    cooldownDuration: options.cooldownMs,
  });
  let loadedAt = Number.NEGATIVE_INFINITY;
  let failedAt = Number.NEGATIVE_INFINITY;
  let state: ProviderState = 'down';
  let local: { jwks: JSONWebKeySet; verify: ReturnType<typeof createLocalJWKSet> } | null = null;

  const setState = (next: ProviderState) => {
    state = next;
    options.observer?.state?.(next);
  };
  /** The last keys fetched, while they may still serve. */
  const usable = () => {
    const jwks = remote.jwks();
    if (!jwks || Date.now() > loadedAt + options.maxAgeMs + options.staleMs) return null;
    if (local?.jwks !== jwks) local = { jwks, verify: createLocalJWKSet(jwks) };
    return local.verify;
  };
  const pausing = () => Date.now() < failedAt + options.retryMs;
  /** One fetch, unless one failed within retryMs; concurrent callers share jose's fetch in flight. */
  const refresh = async (): Promise<void> => {
    if (pausing()) return;
    const started = Date.now();
    try {
      await remote.reload();
      if (loadedAt < started) {
        loadedAt = Date.now();
        options.observer?.fetched?.(true);
      }
      setState('up');
    } catch {
      if (failedAt < started) {
        failedAt = Date.now();
        options.observer?.fetched?.(false);
      }
      setState(usable() ? 'stale' : 'down');
    }
  };
  const unavailable = () =>
    new AuthUnavailableError(Math.max(1, Math.ceil((failedAt + options.retryMs - Date.now()) / 1000)));

  // Fetched at start, so the first callers and /health/ready find the keys (or the outage) known.
  const firstFetch = refresh();

  return {
    async key(header, token) {
      if (!remote.fresh) {
        const fetching = refresh();
        // Stale keys answer at once while the fetch runs; without keys the caller waits for it.
        if (!usable()) await fetching;
      }
      const verify = usable();
      if (!verify) throw unavailable();
      try {
        return await verify(header, token);
      } catch (error) {
        // An unknown kid may be a rotation: fetch again, unless a fetch was just made (cooldown).
        if (!(error instanceof errors.JWKSNoMatchingKey) || remote.coolingDown) throw error;
        await refresh();
        if (!remote.coolingDown) throw unavailable();
        return (usable() ?? verify)(header, token);
      }
    },
    async state() {
      await firstFetch;
      // Without traffic, the probe's calls are what notice the issuer coming back (or going away).
      if (!remote.fresh) void refresh();
      // Stale keys that aged past their grace since the last fetch serve no more.
      return state === 'stale' && !usable() ? 'down' : state;
    },
  };
}
