// Signing tokens with the development key: for `npm run token`, the start-up banner and tests.
import { SignJWT } from 'jose';
import type { AuthConfig } from '../config.ts';
import { DEV_ALGORITHM, type DevKey } from './keys.ts';

export type TokenFor = { msisdn: string; country?: string } | { agent: string };

export function signDevToken(
  key: DevKey,
  auth: AuthConfig,
  who: TokenFor,
  ttl: string | number = '12h',
): Promise<string> {
  const claims: Record<string, unknown> =
    'agent' in who
      ? { scope: auth.agentScope }
      : { [auth.msisdnClaim]: who.msisdn, ...(who.country && { country: who.country }) };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: key.kid })
    .setSubject('agent' in who ? `agent:${who.agent}` : `subscriber:${who.msisdn}`)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key.privateKey);
}
