// The undici transport on its own, against a real node:http server: the limits the Sandbox cannot
// show, because it always declares its Content-Length and sends its answer at once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABORTED, createTransport, TIMED_OUT, TOO_LARGE } from '../../src/upstream/transport.ts';

let server: Server;
let base: string;
const transport = createTransport({ maxSockets: 4, maxBodyBytes: 1000 });

beforeAll(async () => {
  server = createServer((req, res) => {
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
