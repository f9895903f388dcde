// The Sandbox's OAuth 2.0 token endpoint (RFC 6749 §4.4, client credentials), enough to run a
// gateway's credentials for real: client_secret_basic and client_secret_post, opaque tokens that
// expire, errors as §5.2 says, and a secret that can be rotated while it runs.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PATH = '/oauth/token';

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  /** Lifetime of a token (its expires_in). */
  tokenTtlS: number;
  /** The operations answer only calls that carry a valid token. */
  requireAuth: boolean;
}

export interface TokenAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** What the control surface shows: never the secret, nor a token. */
export interface OAuthSnapshot {
  clientId: string;
  tokenTtlS: number;
  requireAuth: boolean;
  /** Tokens issued and token requests refused, and API calls refused for want of a valid token. */
  tokens: { issued: number; refused: number; active: number };
  refusedCalls: number;
}

const FORM = 'application/x-www-form-urlencoded';
const digest = (text: string) => createHash('sha256').update(text).digest();
/** Compares secrets in constant time (their digests have one length). */
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined for Basic. */
const formDecode = (text: string) => decodeURIComponent(text.replaceAll('+', ' '));

export class TokenIssuer {
  #settings: OAuthSettings;
  /** Issued tokens and when each expires (ms since the epoch). */
  readonly #tokens = new Map<string, number>();
  #issued = 0;
  #refused = 0;
  #refusedCalls = 0;

  constructor(settings: OAuthSettings) {
    this.#settings = { ...settings };
  }

  get requireAuth(): boolean {
    return this.#settings.requireAuth;
  }

  /** Changes settings at run time, e.g. a rotated secret; tokens already issued stay valid. */
  configure(changes: Partial<OAuthSettings>): void {
    this.#settings = { ...this.#settings, ...changes };
  }

  /** Every issued token stops working, as after a restart of the authorization server. */
  revoke(): void {
    this.#tokens.clear();
  }

  resetCounts(): void {
    this.#issued = 0;
    this.#refused = 0;
    this.#refusedCalls = 0;
  }

  snapshot(): OAuthSnapshot {
    const { clientId, tokenTtlS, requireAuth } = this.#settings;
    this.#prune();
    return {
      clientId,
      tokenTtlS,
      requireAuth,
      tokens: { issued: this.#issued, refused: this.#refused, active: this.#tokens.size },
      refusedCalls: this.#refusedCalls,
    };
  }

  /** A token request: its Authorization header, Content-Type and form body. */
  issue(authorization: string | null, contentType: string | undefined, body: string): TokenAnswer {
    const refuse = (status: number, error: string, description: string, basic = false): TokenAnswer => {
      this.#refused++;
      return {
        status,
        headers: basic ? { 'www-authenticate': 'Basic realm="sandbox", charset="UTF-8"' } : {},
        body: { error, error_description: description },
      };
    };
    if ((contentType ?? '').split(';')[0]?.trim().toLowerCase() !== FORM) {
      return refuse(400, 'invalid_request', `The token request must be ${FORM}`);
    }
    const form = new URLSearchParams(body);
    const basic = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '')?.[1];
    if (basic && form.has('client_secret')) {
      return refuse(400, 'invalid_request', 'Use one client authentication method, not two');
    }
    let client: { id: string; secret: string } | null = null;
    if (basic) {
      const pair = Buffer.from(basic, 'base64').toString('utf8');
      const colon = pair.indexOf(':');
      try {
        if (colon > 0)
          client = { id: formDecode(pair.slice(0, colon)), secret: formDecode(pair.slice(colon + 1)) };
      } catch {
        client = null;
      }
    } else if (form.has('client_id') && form.has('client_secret')) {
      client = { id: form.get('client_id') as string, secret: form.get('client_secret') as string };
    }
    const { clientId, clientSecret, tokenTtlS } = this.#settings;
    if (!client || client.id !== clientId || !same(client.secret, clientSecret)) {
      return refuse(401, 'invalid_client', 'Client authentication failed', Boolean(basic));
    }
    const grant = form.get('grant_type');
    if (!grant) return refuse(400, 'invalid_request', 'grant_type is required');
    if (grant !== 'client_credentials') {
      return refuse(400, 'unsupported_grant_type', 'Only client_credentials is supported');
    }
    this.#prune();
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, Date.now() + tokenTtlS * 1000);
    this.#issued++;
    const scope = form.get('scope');
    return {
      status: 200,
      // §5.1: token answers are never cached.
      headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
      body: {
        access_token: token,
        token_type: 'Bearer',
        expires_in: tokenTtlS,
        ...(scope && { scope }),
      },
    };
  }

  /** Why a call's Authorization is refused, or null when it carries a valid, unexpired token. */
  refusal(authorization: string | null): string | null {
    const token = /^Bearer ([\w.~+/=-]+)$/i.exec(authorization ?? '')?.[1];
    const expires = token === undefined ? undefined : this.#tokens.get(token);
    const problem =
      token === undefined
        ? 'A Bearer token from /oauth/token is required'
        : expires === undefined
          ? 'The access token is not valid'
          : expires <= Date.now()
            ? 'The access token has expired'
            : null;
    if (problem) this.#refusedCalls++;
    return problem;
  }

  #prune(): void {
    const now = Date.now();
    for (const [token, expires] of this.#tokens) if (expires <= now) this.#tokens.delete(token);
  }
}
