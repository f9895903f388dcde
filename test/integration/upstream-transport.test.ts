// The undici transport on its own, against a real node:http server: the limits the Sandbox cannot
// show, because it always declares its Content-Length and sends its answer at once.
import { getEventListeners } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABORTED, createTransport, TIMED_OUT, TOO_LARGE } from '../../src/upstream/transport.ts';

let server: Server;
let base: string;
/** How many requests reached the server, per path. */
const arrived = new Map<string, number>();
/** Answers the server left open: their 'close' shows that the client dropped the request. */
const held: ServerResponse[] = [];
const closed = (res: ServerResponse) => new Promise((resolve) => res.once('close', resolve));
const transport = createTransport({ maxSockets: 4, maxBodyBytes: 1000 });

beforeAll(async () => {
  server = createServer((req, res) => {
    arrived.set(req.url ?? '', (arrived.get(req.url ?? '') ?? 0) + 1);
    // Chunked (no Content-Length): the cap can only count the bytes as they come.
    if (req.url === '/chunked-large') {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 20; i++) res.write('x'.repeat(100));
      res.end();
    } else if (req.url === '/chunked-small') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
      res.end('1}');
    } else if (req.url === '/slow-body') {
      // Headers at once, the body late: the timeout bounds the whole exchange, not only the headers.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
      setTimeout(() => res.end('1}'), 1000);
    } else if (req.url === '/declared-large') {
      // A Content-Length over the cap, and the body never comes: only the declared length can end it.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.flushHeaders();
      held.push(res);
    } else if (req.url === '/chunked-held') {
      // Past the cap, then nothing: the client must drop the request on the bytes, not wait for the end.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('x'.repeat(1100));
      held.push(res);
    } else if (req.url === '/reset') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"a":');
      setTimeout(() => res.socket?.destroy(), 20);
    } else if (req.url === '/headers') {
      res.setHeader('ETag', '"v1"');
      res.setHeader('X-Many', ['a', 'b']);
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    } else if (req.url === '/echo') {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ method: req.method, url: req.url, type: req.headers['content-type'], body }),
        );
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  transport.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, timeoutMs = 5000) =>
  transport.send({ method: 'GET', url: `${base}${path}`, headers: {}, timeoutMs });

describe('the upstream transport', () => {
  it('refuses a chunked answer past the cap, and reads one below it whole', async () => {
    await expect(get('/chunked-large')).rejects.toMatchObject({ code: TOO_LARGE });
    await expect(get('/chunked-small')).resolves.toMatchObject({ status: 200, body: '{"a":1}' });
  });

  it('times out an answer whose body comes too late, though its headers came at once', async () => {
    await expect(get('/slow-body', 200)).rejects.toMatchObject({ code: TIMED_OUT });
  });

  it('ends the exchange when the caller’s signal aborts', async () => {
    const caller = new AbortController();
    const sent = transport.send({
      method: 'GET',
      url: `${base}/slow-body`,
      headers: {},
      timeoutMs: 5000,
      signal: caller.signal,
    });
    setTimeout(() => caller.abort(), 50);
    await expect(sent).rejects.toMatchObject({ code: ABORTED });
  });

  it('fails at once on a declared Content-Length over the cap, and drops the request', async () => {
    const started = Date.now();
    await expect(get('/declared-large', 5000)).rejects.toMatchObject({ code: TOO_LARGE });
    // Generous: the point is that it did not wait for the 5 s timeout.
    expect(Date.now() - started).toBeLessThan(2500);
    await closed(held.shift() as ServerResponse);
  });

  it('drops the request as soon as the bytes pass the cap', async () => {
    await expect(get('/chunked-held', 5000)).rejects.toMatchObject({ code: TOO_LARGE });
    await closed(held.shift() as ServerResponse);
  });

  it('does not send an exchange whose signal is already aborted', async () => {
    const before = arrived.get('/echo') ?? 0;
    const sent = transport.send({
      method: 'POST',
      url: `${base}/echo`,
      headers: {},
      body: '{}',
      timeoutMs: 5000,
      signal: AbortSignal.abort(),
    });
    await expect(sent).rejects.toMatchObject({ code: ABORTED });
    // The same path answered afterwards: a request sent before would have arrived first.
    await expect(
      transport.send({ method: 'GET', url: `${base}/echo`, headers: {}, timeoutMs: 5000 }),
    ).resolves.toMatchObject({ status: 201 });
    expect(arrived.get('/echo')).toBe(before + 1);
  });

  it('adds one listener to the caller’s signal for all its exchanges, whatever their end', async () => {
    const caller = new AbortController();
    const send = (path: string, timeoutMs = 5000) =>
      transport.send({ method: 'GET', url: `${base}${path}`, headers: {}, timeoutMs, signal: caller.signal });
    await expect(send('/chunked-small')).resolves.toMatchObject({ status: 200 });
    await expect(send('/chunked-large')).rejects.toMatchObject({ code: TOO_LARGE });
    await expect(send('/slow-body', 100)).rejects.toMatchObject({ code: TIMED_OUT });
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    await expect(send('/chunked-small')).resolves.toMatchObject({ status: 200 });
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    // Ended exchanges are no longer watched: aborting now stops nothing, and the next one is refused.
    caller.abort();
    await expect(send('/chunked-small')).rejects.toMatchObject({ code: ABORTED });
  });

  it('times out an exchange still waiting for a socket, and never sends it', async () => {
    // One socket, held by a slow answer: the second exchange waits in undici's queue.
    const single = createTransport({ maxSockets: 1, maxBodyBytes: 1000 });
    const order: string[] = [];
    const slow = single
      .send({ method: 'GET', url: `${base}/slow-body`, headers: {}, timeoutMs: 5000 })
      .then(() => order.push('slow answered'));
    const queued = single
      .send({ method: 'GET', url: `${base}/queued`, headers: {}, timeoutMs: 100 })
      .catch((error: { code: string }) => order.push(`queued ${error.code}`));
    await Promise.all([slow, queued]);
    single.close();
    expect(order).toEqual([`queued ${TIMED_OUT}`, 'slow answered']);
    expect(arrived.get('/queued')).toBeUndefined();
  });

  it('names a socket the server closed mid-answer a reset', async () => {
    await expect(get('/reset')).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('gives header names in lower case and a repeated header as one string', async () => {
    const answer = await get('/headers');
    expect(answer.headers.etag).toBe('"v1"');
    expect(answer.headers['x-many']).toBe('a, b');
  });

  it('sends the method, the headers and the body it is given', async () => {
    const answer = await transport.send({
      method: 'POST',
      url: `${base}/echo`,
      headers: { 'content-type': 'application/json' },
      body: '{"x":1}',
      timeoutMs: 5000,
    });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({
      method: 'POST',
      url: '/echo',
      type: 'application/json',
      body: '{"x":1}',
    });
  });
});
