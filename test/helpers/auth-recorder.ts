// A recording proxy between a gateway and its sandbox: every upstream request's method and path
// (with the MSISDN it addresses) is kept, so a test can prove which lines were read or written,
// not only how many calls each operation had. And a second gateway over it, with a stack's config.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/http/server.ts';
import { BASE_PATH } from '../../src/sandbox/server.ts';

export interface UpstreamRecorder {
  /** The proxy's base URL (use it where the sandbox's URL would go). */
  url: string;
  /** `METHOD /path?query` of every request since the last reset, in arrival order. */
  requests(): string[];
  reset(): void;
  close(): Promise<void>;
}

export async function recordUpstream(target: string): Promise<UpstreamRecorder> {
  let seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const forward = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => [...seen],
    reset: () => {
      seen = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A gateway with `config` (so a stack's tokens work on it) whose upstream is the recorder. */
export async function gatewayOver(
  recorder: UpstreamRecorder,
  config: GatewayConfig,
): Promise<{ gateway: Gateway; url: string }> {
  const gateway = await createGateway({ config, upstreamUrl: `${recorder.url}${BASE_PATH}/{country}` });
  const url = await gateway.listen(0, '127.0.0.1');
  return { gateway, url };
}
