// One HTTP exchange with the upstream on undici's Agent (a keep-alive Pool per origin). It replaced got
// on the hot path: the same six-call fan-out costs about a third of got's CPU (docs/benchmarks.md).
// It knows bytes and time only: what a status or a failure means is client.ts's business.
import { Agent, type Dispatcher } from 'undici';

export interface Exchange {
  method: Dispatcher.HttpMethod;
  /** Absolute URL, query string included. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The caller's signal: its abort ends the exchange. */
  signal?: AbortSignal;
}

export interface Received {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Why an exchange failed: the clock ran out, the answer outgrew the cap, or the network's code. */
export class TransportError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
  }
}

export const TIMED_OUT = 'ETIMEDOUT';
export const TOO_LARGE = 'ETOOLARGE';
export const ABORTED = 'EABORTED';

export interface Transport {
  send(exchange: Exchange): Promise<Received>;
  close(): void;
}

export function createTransport(options: { maxSockets: number; maxBodyBytes: number }): Transport {
  const agent = new Agent({ connections: options.maxSockets });
  const { maxBodyBytes } = options;

  async function send({ method, url, headers, body, timeoutMs, signal }: Exchange): Promise<Received> {
    // The one controller ends the exchange on any limit: the whole-exchange timeout, the body cap, the caller.
    const controller = new AbortController();
    let why: string | null = null;
    const stop = (code: string) => {
      why ??= code;
      controller.abort();
    };
    const timer = setTimeout(stop, timeoutMs, TIMED_OUT);
    const left = () => stop(ABORTED);
    if (signal?.aborted) stop(ABORTED);
    else signal?.addEventListener('abort', left, { once: true });
    try {
      const answer = await agent.request({
        ...splitUrl(url),
        method,
        headers,
        body,
        signal: controller.signal,
        // The timer above bounds the whole exchange, as got's `timeout.request` did.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      const declared = Number(answer.headers['content-length']);
      if (declared > maxBodyBytes) {
        stop(TOO_LARGE);
        answer.body.destroy();
        throw failure(why);
      }
      const text = await readCapped(answer.body, maxBodyBytes, () => stop(TOO_LARGE));
      return { status: answer.statusCode, headers: answer.headers as Record<string, string>, body: text };
    } catch (error) {
      if (error instanceof TransportError) throw error;
      if (why !== null) throw failure(why);
      throw fromUndici(error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', left);
    }
  }

  return {
    send,
    close: () => {
      agent.destroy().catch(() => undefined);
    },
  };
}

function failure(code: string | null): TransportError {
  if (code === TIMED_OUT) return new TransportError(TIMED_OUT, 'timed out');
  if (code === TOO_LARGE) return new TransportError(TOO_LARGE, 'answer too large');
  return new TransportError(ABORTED, 'aborted');
}

/** The network's code: a socket the other side closed is a reset, as Node's own client names it. */
function fromUndici(error: unknown): TransportError {
  const code = (error as { code?: string }).code;
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') {
    return new TransportError(cause ?? 'ECONNRESET', String(error));
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new TransportError(TIMED_OUT, String(error));
  return new TransportError(code ?? cause ?? 'EUNKNOWN', String(error));
}

function splitUrl(url: string): { origin: string; path: string } {
  const slash = url.indexOf('/', url.indexOf('://') + 3);
  return slash < 0 ? { origin: url, path: '/' } : { origin: url.slice(0, slash), path: url.slice(slash) };
}

/** The body as text; past `max` bytes the stream is dropped and `tooLarge` called. */
function readCapped(
  stream: Dispatcher.ResponseData['body'],
  max: number,
  tooLarge: () => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    stream.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > max) {
        tooLarge();
        stream.destroy();
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString() : Buffer.concat(chunks).toString()),
    );
    stream.once('error', reject);
    stream.once('close', () => {
      if (length > max) reject(failure(TOO_LARGE));
    });
  });
}
