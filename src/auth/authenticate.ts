// Who is calling: a Bearer JWT checked with jose (a JWKS in production, the local key in
// development) becomes a Principal; anything else is an AuthError, answered 401. An issuer whose
// keys cannot be had is an AuthUnavailableError (src/auth/jwks.ts), answered 503.
import { errors, type JWTPayload, jwtVerify } from 'jose';
import type { AuthConfig } from '../config.ts';
import { VerifiedTokens } from './cache.ts';
import { AuthUnavailableError, type JwksOptions, type ProviderState, remoteKeys } from './jwks.ts';
import { loadDevKey } from './keys.ts';
import type { Principal } from './principal.ts';

export class AuthError extends Error {
  override name = 'AuthError';
}

export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<Principal>;
  /** The token issuer's keys: `local` (the development key) and `disabled` cannot fail. */
  identityProvider(): Promise<ProviderState | 'local' | 'disabled'>;
  /** Whether the token was verified recently (no signature check needed to accept it again). */
  known(authorization: string | undefined): boolean;
}

const tokenIn = (authorization: string | undefined) =>
  /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization?.trim() ?? '')?.[1];

/** With authentication disabled (local work only), every caller is this agent. */
const NOBODY: Principal = { subject: 'auth-disabled', msisdn: null, country: null, agent: true };

export async function createAuthenticator(
  auth: AuthConfig,
  observer?: JwksOptions['observer'],
): Promise<Authenticator> {
  if (auth.disabled)
    return {
      authenticate: async () => NOBODY,
      identityProvider: async () => 'disabled',
      known: () => true,
    };
  const remote = auth.jwksUrl
    ? remoteKeys({
        url: auth.jwksUrl,
        timeoutMs: auth.jwksTimeoutMs,
        maxAgeMs: auth.jwksMaxAgeMs,
        staleMs: auth.jwksStaleMs,
        cooldownMs: auth.jwksCooldownMs,
        retryMs: auth.jwksRetryMs,
        observer,
      })
    : null;
  const key = remote ? remote.key : (await loadDevKey(auth.devKeyFile)).publicKey;

  const verified = new VerifiedTokens();
  const principalOf = (payload: JWTPayload): Principal => {
    const msisdn = payload[auth.msisdnClaim];
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
    // Keys of idempotency and rate limits: no shared bucket for tokens without a subject.
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new AuthError('no subject');
    return {
      subject: payload.sub,
      msisdn: typeof msisdn === 'string' && /^[0-9]{8,15}$/.test(msisdn) ? msisdn : null,
      country: typeof payload.country === 'string' ? payload.country.toLowerCase() : null,
      agent: scopes.includes(auth.agentScope),
    };
  };

  return {
    known: (authorization) => {
      const token = tokenIn(authorization);
      return token !== undefined && verified.get(token) !== undefined;
    },
    async authenticate(authorization) {
      const token = tokenIn(authorization);
      if (!token) throw new AuthError('A Bearer token is required (Authorization: Bearer <JWT>)');
      const known = verified.get(token);
      if (known) return known;
      try {
        const { payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
          issuer: auth.issuer,
          audience: auth.audience,
          // A token without exp would be good forever; without sub, callers could not be told apart
          // (idempotency keys, rate limits).
          requiredClaims: ['exp', 'sub'],
          clockTolerance: auth.clockSkewS,
        });
        const principal = principalOf(payload);
        verified.set(token, principal, payload.exp);
        return principal;
      } catch (error) {
        if (error instanceof AuthUnavailableError) throw error;
        if (error instanceof errors.JWTExpired) throw new AuthError('The token has expired');
        if (error instanceof errors.JWTClaimValidationFailed && error.reason === 'missing') {
          throw new AuthError(`The token is not valid: it has no \`${error.claim}\` claim`);
        }
        throw new AuthError('The token is not valid');
      }
    },
    identityProvider: async () => (remote ? remote.state() : 'local'),
  };
}
