// What keeps a slow or failing upstream from taking the gateway down with it: a circuit breaker per
// operation, retries with backoff and jitter for reads, and a bounded number of calls in flight.
import type { OperationId } from '../contract/wire.ts';
import { UpstreamError } from './errors.ts';

export type BreakerState = 'closed' | 'open' | 'half-open';

/** A call the gateway refused itself to spare the upstream: never retried, never counted against it. */
export class FailFast extends UpstreamError {
  constructor(operationId: OperationId, message: string) {
    super('unavailable', operationId, message);
    this.name = 'FailFast';
  }
}

/**
 * A call the gateway held back because the upstream asked it to wait (429 with Retry-After): the
 * caller hears UPSTREAM_RATE_LIMITED at once, and the upstream hears nothing until the wait is over.
 */
export class HeldOff extends UpstreamError {
  /** Whole seconds until the upstream takes calls again. */
  readonly retryAfter: number;
  constructor(operationId: OperationId, retryAfter: number) {
    super(
      'http',
      operationId,
      `The upstream asked for a pause in ${operationId} calls; retry in ${retryAfter} s`,
      429,
    );
    this.name = 'HeldOff';
    this.retryAfter = retryAfter;
  }
}

/** The longest pause a Retry-After can impose: past it, one call goes through to ask again. */
const MAX_HOLD_MS = 300_000;

/** Retry-After as milliseconds from now (delta-seconds or an HTTP date), at most 5 min; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number {
  const at = header && /^\s*\d+\s*$/.test(header) ? now + Number(header) * 1000 : Date.parse(header ?? '');
  return Number.isNaN(at) ? 1000 : Math.min(MAX_HOLD_MS, Math.max(0, at - now));
}

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failures: number;
  /** How long an open circuit fails fast before it lets one call try. */
  cooldownMs: number;
  now?: () => number;
  onChange?: (operationId: OperationId, state: BreakerState) => void;
}

/** A circuit breaker per operation: failing calls open it, one trial call after a cool-down closes it. */
export class Breakers {
  readonly #options: BreakerOptions;
  /** Operations the upstream asked to wait, until when (ms). */
  readonly #heldUntil = new Map<OperationId, number>();
  readonly #circuits = new Map<
    OperationId,
    { state: BreakerState; failures: number; openedAt: number; trial: boolean }
  >();

  constructor(options: BreakerOptions) {
    this.#options = options;
  }

  #circuit(operationId: OperationId) {
    let circuit = this.#circuits.get(operationId);
    if (!circuit) {
      circuit = { state: 'closed', failures: 0, openedAt: 0, trial: false };
      this.#circuits.set(operationId, circuit);
    }
    return circuit;
  }

  #set(operationId: OperationId, state: BreakerState): void {
    const circuit = this.#circuit(operationId);
    if (circuit.state === state) return;
    circuit.state = state;
    this.#options.onChange?.(operationId, state);
  }

  state(operationId: OperationId): BreakerState {
    return this.#circuits.get(operationId)?.state ?? 'closed';
  }

  states(): Map<OperationId, BreakerState> {
    return new Map([...this.#circuits].map(([op, c]) => [op, c.state]));
  }

  /** Throws UPSTREAM_UNAVAILABLE while the circuit is open; lets one trial call through after the cool-down. */
  admit(operationId: OperationId): void {
    const now = (this.#options.now ?? Date.now)();
    const heldUntil = this.#heldUntil.get(operationId) ?? 0;
    if (now < heldUntil) throw new HeldOff(operationId, Math.ceil((heldUntil - now) / 1000));
    const circuit = this.#circuit(operationId);
    if (circuit.state === 'closed') return;
    const retryIn = circuit.openedAt + this.#options.cooldownMs - now;
    if (circuit.state === 'open' && retryIn <= 0) {
      this.#set(operationId, 'half-open');
      circuit.trial = false;
    }
    if (circuit.state === 'half-open' && !circuit.trial) {
      circuit.trial = true;
      return;
    }
    throw new FailFast(
      operationId,
      circuit.state === 'half-open'
        ? `The upstream is failing for ${operationId}; a trial call is under way`
        : `The upstream is failing for ${operationId}; calls are paused for ${Math.max(1, Math.ceil(retryIn / 1000))} s`,
    );
  }

  /** A 429: no call of the operation until Retry-After has passed. Neither a success nor a failure of the circuit. */
  holdOff(operationId: OperationId, retryAfter: string | undefined): void {
    const now = (this.#options.now ?? Date.now)();
    this.#heldUntil.set(operationId, now + retryAfterMs(retryAfter, now));
    // A trial call answered 429 proved nothing: the next call after the pause is the trial.
    this.abandon(operationId);
  }

  /** A trial call that never reached the upstream (refused by the in-flight limit) frees the trial. */
  abandon(operationId: OperationId): void {
    const circuit = this.#circuits.get(operationId);
    if (circuit) circuit.trial = false;
  }

  success(operationId: OperationId): void {
    const circuit = this.#circuit(operationId);
    circuit.failures = 0;
    circuit.trial = false;
    this.#set(operationId, 'closed');
  }

  failure(operationId: OperationId): void {
    const circuit = this.#circuit(operationId);
    circuit.failures++;
    circuit.trial = false;
    if (circuit.state === 'half-open' || circuit.failures >= this.#options.failures) {
      circuit.openedAt = (this.#options.now ?? Date.now)();
      this.#set(operationId, 'open');
    }
  }
}

/** Failures that say nothing about the request itself, so another try may succeed. */
export const isTransient = (error: UpstreamError): boolean =>
  error.failure === 'timeout' ||
  error.failure === 'unavailable' ||
  (error.failure === 'http' && (error.status === 502 || error.status === 503 || error.status === 504));

/** Full jitter: a random wait up to base × 2^attempt, so retrying clients do not march in step. */
export const backoffMs = (attempt: number, baseMs: number): number => Math.random() * baseMs * 2 ** attempt;

/** At most `permits` calls in flight; at most `queue` waiting; past that, fail fast. */
export class Limiter {
  #free: number;
  readonly #queue: (() => void)[] = [];
  readonly #maxQueue: number;

  constructor(permits: number, maxQueue: number) {
    this.#free = permits;
    this.#maxQueue = maxQueue;
  }

  get waiting(): number {
    return this.#queue.length;
  }

  /** Runs `work` when a permit is free; a call whose `signal` aborts while it waits leaves the queue. */
  async run<T>(operationId: OperationId, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.#free > 0) this.#free--;
    else {
      if (this.#queue.length >= this.#maxQueue) {
        throw new FailFast(operationId, 'The gateway has too many upstream calls waiting');
      }
      await new Promise<void>((resolve, reject) => {
        const start = () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        };
        const leave = () => {
          const at = this.#queue.indexOf(start);
          if (at >= 0) this.#queue.splice(at, 1);
          reject(signal?.reason);
        };
        this.#queue.push(start);
        signal?.addEventListener('abort', leave, { once: true });
      });
    }
    try {
      return await work();
    } finally {
      const next = this.#queue.shift();
      if (next) next();
      else this.#free++;
    }
  }
}
