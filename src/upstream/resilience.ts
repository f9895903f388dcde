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
    const circuit = this.#circuit(operationId);
    if (circuit.state === 'closed') return;
    const now = (this.#options.now ?? Date.now)();
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
