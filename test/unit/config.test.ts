import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('config', () => {
  it('has working defaults with an empty environment', () => {
    expect(loadConfig({}).sandbox).toEqual({
      port: 4010,
      db: ':memory:',
      subscribers: 1000,
      requireAuth: false,
      clientId: 'selfcare-gateway',
      clientSecret: 'sandbox-secret',
      tokenTtlS: 3600,
      latencyMs: 0,
      jitterMs: 0,
      errorRate: 0,
    });
  });

  it('reads every sandbox setting', () => {
    const config = loadConfig({
      SANDBOX_PORT: '5010',
      SANDBOX_DB: '/tmp/x.db',
      SANDBOX_SUBSCRIBERS: '1_000_000',
      SANDBOX_LATENCY_MS: '10',
      SANDBOX_JITTER_MS: '3',
      SANDBOX_ERROR_RATE: '0.25',
      SANDBOX_REQUIRE_AUTH: 'true',
      SANDBOX_CLIENT_ID: 'gw',
      SANDBOX_CLIENT_SECRET: 's3',
      SANDBOX_TOKEN_TTL_S: '60',
    });
    expect(config.sandbox).toEqual({
      port: 5010,
      db: '/tmp/x.db',
      subscribers: 1_000_000,
      requireAuth: true,
      clientId: 'gw',
      clientSecret: 's3',
      tokenTtlS: 60,
      latencyMs: 10,
      jitterMs: 3,
      errorRate: 0.25,
    });
  });

  it('names every bad setting at once', () => {
    const bad = {
      SANDBOX_PORT: 'http',
      SANDBOX_SUBSCRIBERS: '0',
      SANDBOX_ERROR_RATE: '5',
      SANDBOX_LATENCY_MS: '1.5',
    };
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    try {
      loadConfig(bad);
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/SANDBOX_PORT=http/);
      expect(problems.join('\n')).toMatch(/SANDBOX_SUBSCRIBERS=0/);
      expect(problems.join('\n')).toMatch(/SANDBOX_ERROR_RATE=5/);
      expect(problems.join('\n')).toMatch(/SANDBOX_LATENCY_MS=1.5/);
    }
  });

  it('reads the request timeouts, and refuses a header timeout above the request timeout', () => {
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '5000' }).gateway).toMatchObject({
      requestTimeoutMs: 5000,
      headersTimeoutMs: 5000,
    });
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '6000' })).toThrow(
      /HEADERS_TIMEOUT_MS must not be above REQUEST_TIMEOUT_MS/,
    );
  });

  it("upstream credentials: none by default; each mode needs its settings and no other mode's", () => {
    expect(loadConfig({}).gateway.upstreamAuth).toEqual({
      mode: 'none',
      headers: null,
      tokenUrl: null,
      clientId: null,
      clientSecret: null,
      scope: null,
      clientAuth: 'basic',
    });
    const oauth = {
      UPSTREAM_AUTH: 'client_credentials',
      UPSTREAM_TOKEN_URL: 'https://id.example/oauth/token',
      UPSTREAM_CLIENT_ID: 'gw',
      UPSTREAM_CLIENT_SECRET: 's3cr3t',
      UPSTREAM_SCOPE: 'a b',
      UPSTREAM_CLIENT_AUTH: 'post',
    };
    expect(loadConfig(oauth).gateway.upstreamAuth).toMatchObject({
      mode: 'client_credentials',
      clientAuth: 'post',
    });
    expect(
      loadConfig({ UPSTREAM_AUTH: 'headers', UPSTREAM_HEADERS: '{"x-api-key": "k"}' }).gateway.upstreamAuth
        .headers,
    ).toEqual({ 'x-api-key': 'k' });
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ UPSTREAM_AUTH: 'client_credentials' })).toHaveLength(3);
    expect(problems({ ...oauth, UPSTREAM_AUTH: 'none' })).toHaveLength(4);
    expect(problems({ UPSTREAM_AUTH: 'headers' })).toEqual([
      'UPSTREAM_HEADERS is required with UPSTREAM_AUTH=headers',
    ]);
    expect(problems({ ...oauth, UPSTREAM_TOKEN_URL: 'http://id.example/token' })).toEqual([
      'UPSTREAM_TOKEN_URL must be https, or http on a loopback address (the client secret goes to it)',
    ]);
    expect(problems({ ...oauth, UPSTREAM_TOKEN_URL: 'http://127.0.0.1:4010/oauth/token' })).toEqual([]);
    expect(problems({ UPSTREAM_AUTH: 'forward', AUTH_DISABLED: 'true' })).toHaveLength(1);
  });

  it('never repeats a secret setting in its problem', () => {
    const found = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as ConfigError).message;
      }
      return '';
    };
    const message = found({
      UPSTREAM_AUTH: 'headers',
      UPSTREAM_HEADERS: '{"x-api-key": 42, "s": "hunter2-key"}',
    });
    expect(message).toMatch(/UPSTREAM_HEADERS: the value of x-api-key must be a string/);
    expect(message).not.toMatch(/hunter2/);
    expect(found({ UPSTREAM_AUTH: 'headers', UPSTREAM_HEADERS: 'x-api-key: hunter2-key' })).not.toMatch(
      /hunter2/,
    );
  });
});
