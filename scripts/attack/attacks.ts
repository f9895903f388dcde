// The attacks of issue 15, over HTTP only, against a running gateway and its Sandbox: the same
// functions serve `npm run attack` (a table, against any URL) and
// test/integration/attacks-process.test.ts (assertions, against `node src/main.ts` in production
// mode). Each attack says what it saw and what was wrong with it; an empty `problems` is a pass.
import { connect } from 'node:net';
import { fanOut } from '../bench/documents.ts';

export interface Claims {
  sub?: string;
  scope?: string;
  msisdn?: string;
  country?: string;
}

export interface Target {
  /** The gateway's origin, e.g. http://127.0.0.1:4000. */
  url: string;
  /** The Sandbox's origin: its /__sandbox/ control surface (demo lines, call counts, faults). */
  sandbox: string;
  /** Signs a token the gateway trusts; `exp: false` leaves `exp` out. */
  sign(claims: Claims, options?: { exp?: false }): Promise<string>;
  /** The agent scope of the gateway (AUTH_AGENT_SCOPE). */
  agentScope: string;
  /** The gateway's REQUEST_TIMEOUT_MS: how long a slow body may take before it is cut off. */
  requestTimeoutMs: number;
  /** The gateway's AUTH_FAILURE_LIMIT_MAX. */
  authFailureMax: number;
  /** The gateway's UPSTREAM_MAX_SOCKETS: upstream calls in flight at most. */
  upstreamMaxSockets: number;
  /**
   * Present when the caller runs the identity provider: stops its JWKS for good, and signs with a
   * key the gateway has never seen (a rotation during the outage).
   */
  identityProvider?: { stop(): Promise<void>; signRotated(claims: Claims): Promise<string> };
}

export interface Outcome {
  /** What the gateway answered, in a few words. */
  answer: string;
  /** A measured figure worth printing (ms, series). */
  figure?: string;
  /** Empty when the gateway held. */
  problems: string[];
}

export interface Attack {
  finding: number;
  name: string;
  expected: string;
  run(target: Target): Promise<Outcome | 'skipped'>;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  codes: (string | undefined)[];
}

async function send(target: Target, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(`${target.url}${path}`, init);
  const text = await res.text();
  let codes: (string | undefined)[] = [];
  try {
    const json = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    codes = (json.errors ?? []).map((e) => e.extensions?.code);
  } catch {
    // not JSON: the codes stay empty and the text tells
  }
  return { status: res.status, headers: res.headers, text, codes };
}

const graphql = (
  target: Target,
  token: string | null,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> =>
  send(target, '/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token !== null && { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const short = (a: Answer) => `${a.status}${a.codes.length > 0 ? ` ${a.codes.join(',')}` : ''}`;
const expectThat = (problems: string[], holds: boolean, problem: string) => {
  if (!holds) problems.push(problem);
};

/** The outcome of one answer that should be `status` with the single error code `code`. */
function answeredWith(answer: Answer, status: number, code: string, problems: string[] = []): Outcome {
  expectThat(problems, answer.status === status && answer.codes.join() === code, `answered ${short(answer)}`);
  return { answer: short(answer), problems };
}

async function sandboxJson<T>(target: Target, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${target.sandbox}/__sandbox/${path}`, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} /__sandbox/${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
type Demo = Record<string, { msisdn: string; country: string }>;
const demoLines = (target: Target) => sandboxJson<Demo>(target, 'demo');
const upstreamTotal = async (target: Target) => (await sandboxJson<{ total: number }>(target, 'stats')).total;
const agent = (target: Target, name: string) =>
  target.sign({ sub: `attack:${name}`, scope: target.agentScope });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const READ = 'query AttackRead($m: MSISDN!) { subscriber(msisdn: $m) { status { code } } }';

const fragments: Attack = {
  finding: 1,
  name: 'fragment fan-out (20 fragments, each spreading the next twice)',
  expected:
    'refused with 400 SELECTION_LIMIT_EXCEEDED at once; /health/live stays fast under a stream of them',
  async run(target) {
    const problems: string[] = [];
    const token = await agent(target, 'fragments');
    // The round trip of one document (the fastest of 5, so the figure is the gateway's, not a pause).
    const rounds: number[] = [];
    let first: Answer | undefined;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      first = await graphql(target, token, { query: fanOut(20).replace('FanOut', `FanOut${i}`) });
      rounds.push(performance.now() - started);
    }
    const one = Math.min(...rounds);
    expectThat(
      problems,
      first?.status === 400 && first.codes.join() === 'SELECTION_LIMIT_EXCEEDED',
      `answered ${first && short(first)}`,
    );
    // A generous bound for a loaded machine: before the fix, one document took 1.4 s of CPU.
    expectThat(problems, one < 250, `one document took ${one.toFixed(1)} ms round trip`);

    // A stream: 4 senders of 25 documents each, while /health/live is probed.
    let sending = true;
    const statuses: number[] = [];
    const probes: number[] = [];
    const senders = Array.from({ length: 4 }, async (_, s) => {
      for (let i = 0; i < 25; i++) {
        const query = fanOut(20).replace('FanOut', `FanOut${s}x${i}`);
        statuses.push((await graphql(target, token, { query })).status);
      }
    });
    const probing = (async () => {
      while (sending) {
        const started = performance.now();
        const res = await fetch(`${target.url}/health/live`);
        await res.arrayBuffer();
        if (res.status !== 200) problems.push(`/health/live answered ${res.status}`);
        probes.push(performance.now() - started);
        await sleep(20);
      }
    })();
    await Promise.all(senders);
    sending = false;
    await probing;
    const refused = statuses.filter((s) => s === 400).length;
    const slowest = Math.max(...probes);
    expectThat(problems, refused === 100, `${100 - refused} of 100 documents were not refused with 400`);
    expectThat(problems, probes.length > 0, 'no /health/live probe completed');
    expectThat(problems, slowest < 1000, `/health/live took up to ${slowest.toFixed(0)} ms`);
    return {
      answer: `${first && short(first)}; ${refused}/100 of a stream refused`,
      figure: `${one.toFixed(1)} ms per document (round trip); /health/live ≤ ${slowest.toFixed(0)} ms over ${probes.length} probes`,
      problems,
    };
  },
};

const PURCHASE = `mutation AttackBuy($m: MSISDN!, $o: ID!) {
  purchaseOffer(input: { msisdn: $m, offerId: $o }) { response message subscriber { msisdn } }
}`;

const idempotency: Attack = {
  finding: 2,
  name: 'Idempotency-Key replayed on another line',
  expected: "that line's own answer (a new write, or 403 FORBIDDEN), never the first line's stored answer",
  async run(target) {
    const problems: string[] = [];
    const demo = await demoLines(target);
    const [a, b] = [demo.heavyUser?.msisdn, demo.noLease?.msisdn];
    if (!a || !b)
      return { answer: 'the Sandbox has no heavyUser and noLease demo lines', problems: ['no lines'] };
    const key = `attack-${Date.now().toString(36)}`;
    const buy = (msisdn: string, token: string) =>
      graphql(
        target,
        token,
        { query: PURCHASE, variables: { m: msisdn, o: '105' } },
        { 'idempotency-key': key },
      );
    const agentToken = await agent(target, 'person-7');
    const first = await buy(a, agentToken);
    expectThat(
      problems,
      first.status === 200 && first.text.includes(a),
      `the first write answered ${short(first)}`,
    );
    // The same agent, the same key, another line: that line's own write.
    const other = await buy(b, agentToken);
    expectThat(problems, other.headers.get('idempotent-replayed') === null, 'line B got a replay');
    expectThat(problems, !other.text.includes(a), "line B's answer names line A");
    // The same person with a subscriber token of line B, replaying line A's key: refused.
    const own = await target.sign({ sub: 'attack:person-7', msisdn: b, country: demo.noLease?.country });
    const crossed = await buy(a, own);
    expectThat(
      problems,
      crossed.headers.get('idempotent-replayed') === null,
      "line B's token got line A's replay",
    );
    expectThat(
      problems,
      crossed.codes.join() === 'FORBIDDEN',
      `line B's token on line A answered ${short(crossed)}`,
    );
    // The first line's own retry is still its replay.
    const retry = await buy(a, agentToken);
    expectThat(
      problems,
      retry.headers.get('idempotent-replayed') === 'true',
      'the retry on line A was not replayed',
    );
    return {
      answer: `line B: ${short(other)}${other.text.includes(b) ? ' (its own write)' : ''}; B's token on A: ${short(crossed)}; A's retry replayed`,
      problems,
    };
  },
};

const deepJson: Attack = {
  finding: 3,
  name: 'JSON nested 8,000 deep, with an Idempotency-Key',
  expected: '400 BAD_REQUEST, no 5xx',
  async run(target) {
    const problems: string[] = [];
    const nested = `${'['.repeat(8000)}${']'.repeat(8000)}`;
    const body = `{"query":${JSON.stringify(PURCHASE)},"variables":{"m":${nested},"o":"105"}}`;
    const answer = await graphql(target, await agent(target, 'deep-json'), body, {
      'idempotency-key': `deep-${Date.now()}`,
    });
    expectThat(problems, !/at \S+ \(|RangeError/.test(answer.text), 'the answer holds a stack trace');
    return answeredWith(answer, 400, 'BAD_REQUEST', problems);
  },
};

const slowBody: Attack = {
  finding: 4,
  name: 'slow body: one byte every 100 ms',
  expected: '408 and the connection closed after REQUEST_TIMEOUT_MS',
  async run(target) {
    const problems: string[] = [];
    const { hostname, port } = new URL(target.url);
    const token = await agent(target, 'slow-body');
    // Node checks open requests periodically (a quarter of the headers timeout, at most 30 s): a
    // generous wait past the timeout.
    const giveUpMs = target.requestTimeoutMs * 2 + 35_000;
    const started = performance.now();
    const seen = await new Promise<{ text: string; closed: boolean }>((resolve) => {
      const socket = connect(Number(port || 80), hostname.replace(/^\[|\]$/g, ''));
      let text = '';
      const length = Math.ceil(giveUpMs / 100) + 10;
      const drip = setInterval(() => {
        if (!socket.destroyed) socket.write('[');
      }, 100);
      const finish = (closed: boolean) => {
        clearInterval(drip);
        clearTimeout(giveUp);
        socket.destroy();
        resolve({ text, closed });
      };
      const giveUp = setTimeout(() => finish(false), giveUpMs);
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => finish(true));
      socket.on('error', () => undefined);
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nAuthorization: Bearer ${token}\r\n\r\n`,
      );
    });
    const tookMs = performance.now() - started;
    const status = /^HTTP\/1\.1 (\d{3})/.exec(seen.text)?.[1] ?? 'no answer';
    expectThat(problems, seen.closed, `the connection was still open after ${giveUpMs} ms`);
    expectThat(problems, status === '408', `answered ${status}`);
    const live = await fetch(`${target.url}/health/live`);
    await live.arrayBuffer();
    expectThat(problems, live.status === 200, `/health/live answered ${live.status} afterwards`);
    return {
      answer: `${status}, ${seen.closed ? 'closed' : 'still open'}`,
      figure: `${seen.closed ? 'cut off' : 'given up'} after ${(tookMs / 1000).toFixed(1)} s`,
      problems,
    };
  },
};

/** Every sample line of a Prometheus exposition (comments left out): one per series and bucket. */
const seriesCount = (text: string) => text.split('\n').filter((line) => /^[a-zA-Z_]/.test(line)).length;
const metricsText = async (target: Target) => (await fetch(`${target.url}/metrics`)).text();

const metrics: Attack = {
  finding: 5,
  name: '1,000 distinct operation names',
  expected: '/metrics grows by a few series at most (all under `other`)',
  async run(target) {
    const problems: string[] = [];
    const { msisdn } = (await demoLines(target)).active ?? { msisdn: '' };
    // Twenty subjects, so that the per-subject rate limit (RATE_LIMIT_MAX) is not what answers.
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => agent(target, `metrics-${i}`)));
    await graphql(target, tokens[0] as string, {
      query: `query Warm1 { subscriber(msisdn: "${msisdn}") { status { code } } }`,
    });
    await graphql(target, tokens[0] as string, { query: 'query Warm2 { nope }' });
    const before = seriesCount(await metricsText(target));
    const statuses = new Map<number, number>();
    for (let start = 0; start < 1000; start += 25) {
      await Promise.all(
        Array.from({ length: 25 }, async (_, j) => {
          const i = start + j;
          const name = `Attack_${i}_${Math.random().toString(36).slice(2, 8)}`;
          // Halves: a valid read, and a document that fails validation.
          const query =
            i % 2 === 0
              ? `query ${name} { subscriber(msisdn: "${msisdn}") { status { code } } }`
              : `query ${name} { nope }`;
          const { status } = await graphql(target, tokens[i % 20] as string, { query });
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }),
      );
    }
    const after = await metricsText(target);
    const added = seriesCount(after) - before;
    expectThat(
      problems,
      statuses.get(200) === 500 && statuses.get(400) === 500,
      `answers ${JSON.stringify([...statuses])}`,
    );
    expectThat(problems, !after.includes('Attack_'), '/metrics holds the names sent');
    expectThat(problems, added <= 40, `/metrics grew by ${added} sample lines`);
    return {
      answer: `${before} → ${seriesCount(after)} sample lines`,
      figure: `+${added} sample lines`,
      problems,
    };
  },
};

const identityProvider: Attack = {
  finding: 6,
  name: 'JWKS outage (the identity provider stopped)',
  expected: '503 AUTH_UNAVAILABLE with Retry-After for tokens no cached key covers, never 401',
  async run(target) {
    const provider = target.identityProvider;
    if (!provider) return 'skipped';
    const problems: string[] = [];
    const { msisdn } = (await demoLines(target)).active ?? { msisdn: '' };
    await provider.stop();
    // A token signed with a key the gateway has not fetched yet (a rotation during the outage).
    const rotated = await graphql(
      target,
      await provider.signRotated({ sub: 'attack:rotated', scope: target.agentScope }),
      {
        query: READ,
        variables: { m: msisdn },
      },
    );
    const retryAfter = Number(rotated.headers.get('retry-after'));
    expectThat(
      problems,
      rotated.status === 503 && rotated.codes.join() === 'AUTH_UNAVAILABLE',
      `answered ${short(rotated)}`,
    );
    expectThat(problems, retryAfter >= 1, `Retry-After is ${rotated.headers.get('retry-after')}`);
    expectThat(
      problems,
      rotated.headers.get('www-authenticate') === null,
      'the 503 asks for new credentials',
    );
    // A new token of the key fetched before the outage is still checked: callers stay logged in.
    const known = await graphql(target, await agent(target, 'during-outage'), {
      query: READ,
      variables: { m: msisdn },
    });
    expectThat(problems, known.status === 200, `a token of the known key answered ${short(known)}`);
    const ready = await fetch(`${target.url}/health/ready`);
    const body = (await ready.json()) as { identityProvider?: unknown };
    expectThat(problems, ready.status === 200, `/health/ready answered ${ready.status}`);
    return {
      answer: `unknown key: ${short(rotated)}, Retry-After ${retryAfter}; known key: ${short(known)}; /health/ready ${ready.status} identityProvider ${JSON.stringify(body.identityProvider)}`,
      problems,
    };
  },
};

const queryOverride: Attack = {
  finding: 7,
  name: '?MSISDN= naming another line than the REST path',
  expected: '400, nothing reaches the upstream',
  async run(target) {
    const problems: string[] = [];
    const { active, blocked } = await demoLines(target);
    if (!active || !blocked) return { answer: 'no demo lines', problems: ['no demo lines'] };
    const token = await target.sign({
      sub: `attack:own-line`,
      msisdn: active.msisdn,
      country: active.country,
    });
    const before = await upstreamTotal(target);
    const answer = await send(
      target,
      `/v2/tigo/mobile/${active.country}/billing/subscribers/${active.msisdn}/usage/data/hourlybyapp?MSISDN=${blocked.msisdn}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const calls = (await upstreamTotal(target)) - before;
    expectThat(problems, answer.status === 400, `answered ${answer.status}`);
    expectThat(problems, calls === 0, `${calls} upstream calls`);
    return { answer: `${answer.status}, ${calls} upstream calls`, problems };
  },
};

const noExp: Attack = {
  finding: 8,
  name: 'agent token without exp',
  expected: '401 UNAUTHENTICATED',
  async run(target) {
    const token = await target.sign({ sub: 'attack:forever', scope: target.agentScope }, { exp: false });
    const { msisdn } = (await demoLines(target)).active ?? { msisdn: '' };
    const answer = await graphql(target, token, { query: READ, variables: { m: msisdn } });
    return answeredWith(answer, 401, 'UNAUTHENTICATED');
  },
};

const apqHash: Attack = {
  finding: 9,
  name: 'persisted query with a malformed hash',
  expected: '400 BAD_REQUEST',
  async run(target) {
    const answer = await graphql(target, await agent(target, 'apq'), {
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'not-a-hash' } },
    });
    return answeredWith(answer, 400, 'BAD_REQUEST');
  },
};

const cancellation: Attack = {
  finding: 11,
  name: 'clients that disconnect while their reads wait for an upstream connection (a slow upstream)',
  expected: 'their queued upstream calls never start; the callers that stay get their answers',
  async run(target) {
    const problems: string[] = [];
    const { msisdn } = (await demoLines(target)).active ?? { msisdn: '' };
    const token = await agent(target, 'cancellation');
    const read = (signal?: AbortSignal) =>
      fetch(`${target.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: READ, variables: { m: msisdn } }),
        signal,
      });
    const holders = target.upstreamMaxSockets;
    await sandboxJson(target, 'faults', { method: 'PUT', body: JSON.stringify({ latencyMs: 2500 }) });
    try {
      await sandboxJson(target, 'stats', { method: 'DELETE' });
      // Callers that stay hold every upstream connection...
      const staying = Array.from({ length: holders }, () => read());
      for (let i = 0; i < 100 && (await upstreamTotal(target)) < holders; i++) await sleep(20);
      // ...so these wait in the gateway's queue, and their clients go away.
      const gone = new AbortController();
      const abandoned = Array.from({ length: 8 }, () =>
        read(gone.signal).catch((error: Error) => error.name),
      );
      await sleep(300);
      gone.abort();
      await Promise.all(abandoned);
      const answers = await Promise.all(staying.map(async (p) => (await p).status));
      // The connections are free now: a queued call would start at once.
      await sleep(500);
      const started = await upstreamTotal(target);
      const answered = answers.filter((s) => s === 200).length;
      expectThat(
        problems,
        answered === holders,
        `${holders - answered} of the callers that stayed got no 200`,
      );
      expectThat(
        problems,
        started === holders,
        `${started - holders} of 8 abandoned reads reached the upstream`,
      );
      return {
        answer: `${answered}/${holders} staying callers answered; ${started - holders} of 8 abandoned reads reached the upstream`,
        problems,
      };
    } finally {
      await sandboxJson(target, 'faults', { method: 'DELETE' });
    }
  },
};

const authFlood: Attack = {
  finding: 10,
  name: 'a flood of forged tokens from one address',
  expected: '401s, then 429 RATE_LIMITED with Retry-After; a token seen valid before still passes',
  async run(target) {
    const problems: string[] = [];
    const { msisdn } = (await demoLines(target)).active ?? { msisdn: '' };
    const valid = await agent(target, 'flood-victim');
    const read = (token: string) => graphql(target, token, { query: READ, variables: { m: msisdn } });
    const before = await read(valid);
    expectThat(problems, before.status === 200, `the valid token answered ${short(before)} before the flood`);
    const forged = `${valid.slice(0, -4)}AAAA`;
    let unauthorized = 0;
    let limited: Answer | undefined;
    for (let i = 0; i < target.authFailureMax + 20 && !limited; i++) {
      const answer = await read(forged);
      if (answer.status === 401) unauthorized++;
      else if (answer.status === 429) limited = answer;
      else problems.push(`a forged token answered ${short(answer)}`);
    }
    expectThat(problems, limited?.codes.join() === 'RATE_LIMITED', `no 429 after ${unauthorized} 401s`);
    expectThat(problems, Number(limited?.headers.get('retry-after')) > 0, 'the 429 has no Retry-After');
    const after = await read(valid);
    expectThat(problems, after.status === 200, `the valid token answered ${short(after)} during the flood`);
    return {
      answer: `${unauthorized} × 401, then ${limited ? short(limited) : 'no 429'}; valid token: ${short(after)}`,
      problems,
    };
  },
};

/**
 * In the order they run: the flood locks out new tokens from this address for a window, and the
 * outage stops the identity provider, so they come last.
 */
export const ATTACKS: Attack[] = [
  fragments,
  idempotency,
  deepJson,
  slowBody,
  metrics,
  queryOverride,
  noExp,
  apqHash,
  cancellation,
  identityProvider,
  authFlood,
];
