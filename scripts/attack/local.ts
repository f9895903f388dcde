// A target to attack, started as deployments start it: the Sandbox (src/sandbox/main.ts), a JWKS on
// loopback, and the gateway (src/main.ts, NODE_ENV=production) checking tokens against that JWKS,
// each its own process. Short timeouts and a small failed-authentication limit keep the attacks quick.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { type DevKey, loadDevKey } from '../../src/auth/keys.ts';
import { loadConfig } from '../../src/config.ts';
import { cleanEnv, serveJwks, startProcess } from '../bench/processes.ts';
import type { Claims, Target } from './attacks.ts';

/** The gateway's settings that the attacks depend on (docs/configuration.md). */
export const LOCAL_SETTINGS = {
  REQUEST_TIMEOUT_MS: '1000',
  HEADERS_TIMEOUT_MS: '1000',
  AUTH_FAILURE_LIMIT_MAX: '50',
  UPSTREAM_MAX_SOCKETS: '4',
  // A token of a key the gateway lacks makes it fetch the JWKS at once (a rotation), not 30 s later.
  AUTH_JWKS_COOLDOWN_MS: '0',
  RATE_LIMIT_MAX: '1000000',
  CACHE: 'false',
};

const sign = (key: DevKey, claims: Claims, exp: boolean) => {
  const { issuer, audience } = loadConfig({}).gateway.auth;
  const jwt = new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setJti(crypto.randomUUID());
  return (exp ? jwt.setExpirationTime('1h') : jwt).sign(key.privateKey);
};

/** Signs tokens with the key pair of a JWK file (AUTH_DEV_KEY_FILE's format; made when missing). */
export async function signerOf(keyFile: string): Promise<Target['sign']> {
  const key = await loadDevKey(keyFile);
  return (claims, options) => sign(key, claims, options?.exp !== false);
}

export async function startLocalTarget(): Promise<Target & { close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'selfcare-attack-'));
  const key = await loadDevKey(join(dir, 'jwk.json'));
  const rotated = { ...(await loadDevKey(join(dir, 'rotated.json'))), kid: `rotated-${key.kid}` };
  const jwks = await serveJwks(key);
  const stops: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    jwks.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const sandbox = await startProcess(
      'sandbox',
      'src/sandbox/main.ts',
      cleanEnv({ SANDBOX_PORT: '0', SANDBOX_SUBSCRIBERS: '200' }),
      /REST API at (http\S+?)\/v2\//,
    );
    stops.push(sandbox.stop);
    const origin = sandbox.match[1] as string;
    const { auth } = loadConfig({}).gateway;
    const gateway = await startProcess(
      'gateway',
      'src/main.ts',
      cleanEnv({
        ...LOCAL_SETTINGS,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        UPSTREAM_URL: `${origin}/v2/tigo/mobile/{country}`,
        AUTH_JWKS_URL: jwks.url,
        AUTH_ISSUER: auth.issuer,
        AUTH_AUDIENCE: auth.audience,
      }),
      /GraphQL at (http\S+?)\/graphql/,
    );
    stops.push(gateway.stop);
    return {
      url: gateway.match[1] as string,
      sandbox: origin,
      sign: (claims, options) => sign(key, claims, options?.exp !== false),
      agentScope: auth.agentScope,
      requestTimeoutMs: Number(LOCAL_SETTINGS.REQUEST_TIMEOUT_MS),
      authFailureMax: Number(LOCAL_SETTINGS.AUTH_FAILURE_LIMIT_MAX),
      upstreamMaxSockets: Number(LOCAL_SETTINGS.UPSTREAM_MAX_SOCKETS),
      identityProvider: {
        stop: async () => jwks.close(),
        signRotated: (claims) => sign(rotated, claims, true),
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
