// How the gateway identifies itself to the upstream (UPSTREAM_AUTH): not at all (the Sandbox),
// with static headers (an API key), with an OAuth 2.0 client-credentials token (oauth4webapi does
// the exchange), or with the caller's own bearer token. Secrets live here and in no message.
import * as oauth from 'oauth4webapi';
import type { UpstreamAuthConfig } from '../config.ts';
import type { OperationId } from '../contract/wire.ts';
import { UpstreamError, type UpstreamFailure } from './errors.ts';

export type CallHeaders = Record<string, string>;

export interface Credentials {
  /**
   * The headers of one upstream call; `caller` is the caller's Authorization header (for `forward`).
   * Known at once except while a token is being fetched: no promise per call for the other modes.
   */
  headers(operationId: OperationId, caller: string | undefined): CallHeaders | Promise<CallHeaders>;
  /**
   * After an upstream 401: drops the token those headers carried. True when new headers may be
   * accepted, so the call is worth one more try.
   */
  renew(used: CallHeaders): boolean;
  /** The headers name the caller, not the gateway: the shared cache must treat calls as authenticated. */
  perCaller: boolean;
}

/** A token is renewed this long before it expires: a tenth of its lifetime, at most 30 s. */
const MAX_MARGIN_MS = 30_000;

const NO_HEADERS: CallHeaders = Object.freeze({}) as CallHeaders;
const NONE: Credentials = { headers: () => NO_HEADERS, renew: () => false, perCaller: false };

export function createCredentials(config: UpstreamAuthConfig, timeoutMs: number): Credentials {
  switch (config.mode) {
    case 'none':
      return NONE;
    case 'headers': {
      const fixed = { ...config.headers };
      return { headers: () => fixed, renew: () => false, perCaller: false };
    }
    case 'forward':
      return {
        headers: (_operationId, caller): CallHeaders => (caller ? { authorization: caller } : NO_HEADERS),
        // The caller's token is the caller's: the gateway cannot get another one.
        renew: () => false,
        perCaller: true,
      };
    case 'client_credentials':
      return clientCredentials(config, timeoutMs);
  }
}

/** Why the token endpoint gave no token, said without the request's secrets. */
class TokenFailure {
  readonly failure: UpstreamFailure;
  readonly message: string;
  constructor(failure: UpstreamFailure, message: string) {
    this.failure = failure;
    this.message = message;
  }
}

function clientCredentials(config: UpstreamAuthConfig, timeoutMs: number): Credentials {
  const tokenUrl = new URL(config.tokenUrl as string);
  // No discovery: the token endpoint is configured, and the issuer is only its origin.
  const server: oauth.AuthorizationServer = { issuer: tokenUrl.origin, token_endpoint: tokenUrl.href };
  const client: oauth.Client = { client_id: config.clientId as string };
  const secret = config.clientSecret as string;
  const clientAuth =
    config.clientAuth === 'post' ? oauth.ClientSecretPost(secret) : oauth.ClientSecretBasic(secret);
  const parameters = new URLSearchParams(config.scope ? { scope: config.scope } : {});

  let token: { value: string; renewAt: number } | null = null;
  /** The one token request in flight, which every call that needs a token waits for. */
  let pending: Promise<string> | null = null;

  const request = async (): Promise<string> => {
    let result: oauth.TokenEndpointResponse;
    try {
      const response = await oauth.clientCredentialsGrantRequest(server, client, clientAuth, parameters, {
        signal: AbortSignal.timeout(timeoutMs),
        // config.ts lets http through only for a loopback address (a local Sandbox).
        [oauth.allowInsecureRequests]: tokenUrl.protocol === 'http:',
      });
      result = await oauth.processClientCredentialsResponse(server, client, response);
    } catch (error) {
      throw await tokenFailure(error);
    }
    const lifetimeMs = (result.expires_in ?? Number.POSITIVE_INFINITY) * 1000;
    // A token without expires_in is kept until the upstream refuses it.
    token = {
      value: result.access_token,
      renewAt: Date.now() + lifetimeMs - Math.min(MAX_MARGIN_MS, lifetimeMs / 10),
    };
    return result.access_token;
  };

  const current = (): Promise<string> => {
    if (token && Date.now() < token.renewAt) return Promise.resolve(token.value);
    pending ??= request().finally(() => {
      pending = null;
    });
    return pending;
  };

  return {
    async headers(operationId) {
      try {
        return { authorization: `Bearer ${await current()}` };
      } catch (error) {
        if (!(error instanceof TokenFailure)) throw error;
        throw new UpstreamError(error.failure, operationId, error.message);
      }
    },
    renew(used) {
      // Another call may have renewed it already: then the new token is tried, not a third one.
      if (token && used.authorization === `Bearer ${token.value}`) token = null;
      return true;
    },
    perCaller: false,
  };
}

const OAUTH_ERROR = /^[\x20-\x21\x23-\x5b\x5d-\x7e]{1,64}$/;

async function tokenFailure(error: unknown): Promise<TokenFailure> {
  const refused = (status: number, code: unknown) =>
    new TokenFailure(
      'auth',
      // RFC 6749 §5.2: `error` is a short ASCII code such as invalid_client; nothing else is repeated.
      `The upstream's token endpoint refused the gateway's credentials (${typeof code === 'string' && OAUTH_ERROR.test(code) ? `${code}, ` : ''}HTTP ${status})`,
    );
  if (error instanceof oauth.ResponseBodyError) return refused(error.status, error.error);
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    // A refused client_secret_basic comes with a Basic challenge; its body still says why.
    const body = (await error.response.json().catch(() => null)) as { error?: unknown } | null;
    return refused(error.status, body?.error);
  }
  if (error instanceof oauth.OperationProcessingError) {
    return new TokenFailure('auth', "The upstream's token endpoint did not answer with a usable token");
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new TokenFailure('timeout', "The upstream's token endpoint did not answer in time");
  }
  return new TokenFailure('unavailable', "The upstream's token endpoint is unavailable");
}
