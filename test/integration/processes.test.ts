// The real entry points as separate processes: `npm run sandbox` and `npm start` pointed at it
// by UPSTREAM_URL, and `npm start` alone with its in-process sandbox.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const DASHBOARD = readFileSync(new URL('../../operations/Dashboard.graphql', import.meta.url), 'utf8');
const children: ChildProcess[] = [];
/** The gateway is ready once it has printed its URL and the demo line's token. */
const READY = /GraphQL at (\S+\/graphql)[\s\S]*Authorization: Bearer (\S+)/;
const GATEWAY_ENV = {
  PORT: '0',
  HOST: '127.0.0.1',
  AUTH_DEV_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'selfcare-process-key-')), 'jwk.json'),
};

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

/** Starts `node <entry>` and resolves with the first match of `pattern` in its output (after the last line printed). */
function start(entry: string, env: Record<string, string>, pattern: RegExp): Promise<RegExpMatchArray> {
  const child = spawn(process.execPath, [entry], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(pattern);
      if (match) resolve(match);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${output}`)));
  });
}

async function dashboard(graphqlUrl: string, msisdn: string, token: string) {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: DASHBOARD, variables: { msisdn } }),
  });
  return (await res.json()) as { data?: { subscriber?: Record<string, unknown> }; errors?: unknown[] };
}

describe('processes', () => {
  it('serves the gateway over a separately started sandbox named by UPSTREAM_URL', async () => {
    const [, sandboxUrl] = await start(
      'src/sandbox/main.ts',
      { SANDBOX_PORT: '0', SANDBOX_SUBSCRIBERS: '100' },
      /REST API at (\S+)\/v2/,
    );
    const [, graphqlUrl, token] = await start(
      'src/main.ts',
      { ...GATEWAY_ENV, UPSTREAM_URL: `${sandboxUrl}/v2/tigo/mobile/{country}` },
      READY,
    );
    const demo = (await (await fetch(`${sandboxUrl}/__sandbox/demo`)).json()) as Record<
      string,
      { msisdn: string }
    >;
    const answer = await dashboard(graphqlUrl as string, demo.active?.msisdn as string, token as string);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.subscriber).toMatchObject({
      msisdn: demo.active?.msisdn,
      status: { code: 'ACTIVE' },
    });
    const stats = (await (await fetch(`${sandboxUrl}/__sandbox/stats`)).json()) as { total: number };
    expect(stats.total).toBe(6);
  });

  it('starts its own sandbox when no UPSTREAM_URL is set, and prints the demo lines', async () => {
    const [, graphqlUrl, token] = await start(
      'src/main.ts',
      { ...GATEWAY_ENV, SANDBOX_PORT: '0', UPSTREAM_URL: '' },
      READY,
    );
    const answer = await dashboard(graphqlUrl as string, '+504 9123-4567', token as string);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.subscriber).toMatchObject({ msisdn: '50491234567', plan: { planId: '802' } });
  });

  it('refuses to start with a bad setting, naming it', async () => {
    await expect(
      start('src/main.ts', { UPSTREAM_URL: 'ftp://x', PORT: 'eighty' }, /never printed/),
    ).rejects.toThrow(/UPSTREAM_URL=ftp:\/\/x[\s\S]*PORT=eighty|PORT=eighty[\s\S]*UPSTREAM_URL=ftp:\/\/x/);
  });
});
