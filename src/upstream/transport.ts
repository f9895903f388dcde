// One HTTP exchange with the upstream on undici's Agent (a keep-alive Pool per origin), by `dispatch`:
// one handler object gathers the body's chunks and carries the limits, without what `request` costs per
// answer (a Readable body stream, and here an AbortController and a closure listening to the caller):
// scripts/bench/http-path.md. It knows bytes and time only: what a status or a failure means is
// client.ts's business.
import type { Dispatcher } from 'undici';
// The Agent alone: undici's index loads all of undici (fetch, WebSocket, caches, mocks: 109 modules
// against 22), 2 MB more heap and RSS at start for nothing the gateway calls (docs/benchmarks.md).
import Agent from 'undici/lib/dispatcher/agent.js';

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
  // A Pool of our own per origin, dispatched on directly, measured no cheaper than the Agent's lookup.
  const agent = new Agent({ connections: options.maxSockets });
  const { maxBodyBytes } = options;

  function send(exchange: Exchange): Promise<Received> {
    if (exchange.signal?.aborted) return Promise.reject(failure(ABORTED));
    const { url } = exchange;
    const slash = url.indexOf('/', url.indexOf('://') + 3);
    return new Promise((resolve, reject) => {
      agent.dispatch(
        {
          origin: slash < 0 ? url : url.slice(0, slash),
          path: slash < 0 ? '/' : url.slice(slash),
          method: exchange.method,
          headers: exchange.headers,
          body: exchange.body,
          // The handler's one timer bounds the whole exchange, as got's `timeout.request` did.
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        new ExchangeHandler(exchange, maxBodyBytes, resolve, reject),
      );
    });
  }

  return {
    send,
    close: () => {
      agent.destroy().catch(() => undefined);
    },
  };
}

/**
 * One exchange's state, and undici's handler for it: the answer's chunks gathered as they come, and the
 * limits that end it (the timer, the body cap, the caller's signal, which `watch` tells it of).
 * The first end settles the promise; undici's calls after it find `settled` and change nothing.
 */
class ExchangeHandler implements Dispatcher.DispatchHandler {
  readonly #max: number;
  readonly #signal: AbortSignal | undefined;
  readonly #resolve: (answer: Received) => void;
  readonly #reject: (error: TransportError) => void;
  readonly #timer: ReturnType<typeof setTimeout>;
  #controller: Dispatcher.DispatchController | null = null;
  /** The error a limit ended the exchange with: the controller aborts with it once undici hands one over. */
  #stopped: TransportError | null = null;
  #settled = false;
  #status = 0;
  #headers: Record<string, string> = {};
  #chunks: Buffer[] = [];
  #length = 0;

  constructor(
    exchange: Exchange,
    max: number,
    resolve: (answer: Received) => void,
    reject: (error: TransportError) => void,
  ) {
    this.#max = max;
    this.#signal = exchange.signal;
    this.#resolve = resolve;
    this.#reject = reject;
    this.#timer = setTimeout(expire, exchange.timeoutMs, this);
    if (this.#signal) watch(this.#signal, this);
  }

  /** A limit ends the exchange: it fails at once, and the request is aborted (now, or when it starts). */
  stop(code: string): void {
    if (this.#settled) return;
    const error = failure(code);
    this.#stopped = error;
    this.#settle();
    this.#reject(error);
    this.#controller?.abort(error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    // Stopped while it waited for a socket: it is not sent.
    if (this.#stopped) controller.abort(this.#stopped);
    else this.#controller = controller;
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    if (status < 200) return; // an interim answer (100 Continue): the final one follows
    if (Number(headers['content-length']) > this.#max) {
      this.stop(TOO_LARGE);
      return;
    }
    // A repeated header comes as an array: one string, joined as Node's own client joins it.
    for (const name in headers) {
      const value = headers[name];
      if (Array.isArray(value)) headers[name] = value.join(', ');
    }
    this.#status = status;
    this.#headers = headers as Record<string, string>;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#settled) return;
    this.#length += chunk.length;
    if (this.#length > this.#max) this.stop(TOO_LARGE);
    else this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#settled) return;
    this.#settle();
    const chunks = this.#chunks;
    this.#resolve({
      status: this.#status,
      headers: this.#headers,
      body: chunks.length === 1 ? (chunks[0] as Buffer).toString() : Buffer.concat(chunks).toString(),
    });
  }

  onResponseError(_controller: Dispatcher.DispatchController | null, error: Error): void {
    if (this.#settled) return;
    this.#settle();
    this.#reject(fromUndici(error));
  }

  /** The exchange is over: no timer and no listener outlive it. */
  #settle(): void {
    this.#settled = true;
    clearTimeout(this.#timer);
    if (this.#signal) watching.get(this.#signal)?.delete(this);
  }
}

/**
 * The exchanges under way of each caller's signal. A signal gets one listener, for all its exchanges:
 * adding and removing an EventTarget listener per exchange cost more than the rest of its bookkeeping.
 */
const watching = new WeakMap<AbortSignal, Set<ExchangeHandler>>();

function watch(signal: AbortSignal, handler: ExchangeHandler): void {
  let exchanges = watching.get(signal);
  if (!exchanges) {
    const under = new Set<ExchangeHandler>();
    exchanges = under;
    watching.set(signal, under);
    signal.addEventListener('abort', () => {
      for (const exchange of under) exchange.stop(ABORTED);
    });
  }
  exchanges.add(handler);
}

function expire(handler: ExchangeHandler): void {
  handler.stop(TIMED_OUT);
}

function failure(code: string): TransportError {
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
