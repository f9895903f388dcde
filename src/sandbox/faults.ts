// Fault injection for tests and benchmarks: added latency, a share of failed answers, per operation.
import type { OperationId } from '../contract/wire.ts';

export const FAULT_KINDS = ['error', 'garbage', 'reset'] as const;
/** error: a 500 with the operation's error body; garbage: a 200 whose body is not JSON; reset: the socket is destroyed. */
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  latencyMs: number;
  jitterMs: number;
  errorRate: number;
  kind: FaultKind;
}

export interface FaultSettings extends Partial<Fault> {
  operations?: Partial<Record<OperationId, Partial<Fault>>>;
}

export interface FaultPlan {
  delayMs: number;
  failure: FaultKind | null;
}

export class Faults {
  readonly #defaults: Fault;
  #global: Fault;
  #perOperation = new Map<OperationId, Partial<Fault>>();
  #calls = new Map<OperationId, number>();

  constructor(defaults: Partial<Fault>) {
    this.#defaults = { latencyMs: 0, jitterMs: 0, errorRate: 0, kind: 'error', ...defaults };
    this.#global = { ...this.#defaults };
  }

  /** Replaces the settings: fields left out fall back to the start-up defaults. */
  set({ operations, ...global }: FaultSettings): void {
    this.#global = { ...this.#defaults, ...global };
    this.#perOperation = new Map(Object.entries(operations ?? {}) as [OperationId, Partial<Fault>][]);
    this.#calls.clear();
  }

  reset(): void {
    this.set({});
  }

  snapshot(): FaultSettings {
    return { ...this.#global, operations: Object.fromEntries(this.#perOperation) };
  }

  /** Decides this call's fate; the error rate is spread evenly over calls, not drawn at random. */
  plan(operationId: OperationId): FaultPlan {
    const fault = { ...this.#global, ...this.#perOperation.get(operationId) };
    const n = (this.#calls.get(operationId) ?? 0) + 1;
    this.#calls.set(operationId, n);
    const fails = Math.floor(n * fault.errorRate) > Math.floor((n - 1) * fault.errorRate);
    const jitter = fault.jitterMs > 0 ? Math.random() * fault.jitterMs : 0;
    return { delayMs: fault.latencyMs + jitter, failure: fails ? fault.kind : null };
  }
}

/** Checks a settings body from the control endpoint; returns the problems found. */
export function checkFaultSettings(value: unknown, operationIds: readonly string[]): string[] {
  const problems: string[] = [];
  const checkFault = (f: unknown, at: string) => {
    if (typeof f !== 'object' || f === null || Array.isArray(f))
      return problems.push(`${at} must be an object`);
    const { latencyMs, jitterMs, errorRate, kind, ...rest } = f as Record<string, unknown>;
    for (const [name, v] of Object.entries({ latencyMs, jitterMs })) {
      if (v !== undefined && !(Number.isFinite(v) && (v as number) >= 0 && (v as number) <= 600_000)) {
        problems.push(`${at}.${name} must be a number of milliseconds from 0 to 600000`);
      }
    }
    if (
      errorRate !== undefined &&
      !(Number.isFinite(errorRate) && (errorRate as number) >= 0 && (errorRate as number) <= 1)
    ) {
      problems.push(`${at}.errorRate must be a number from 0 to 1`);
    }
    if (kind !== undefined && !FAULT_KINDS.includes(kind as FaultKind)) {
      problems.push(`${at}.kind must be one of ${FAULT_KINDS.join(', ')}`);
    }
    return Object.keys(rest).forEach((key) => {
      if (!(at === 'settings' && key === 'operations')) problems.push(`${at}.${key} is not a fault setting`);
    });
  };
  checkFault(value, 'settings');
  const operations = (value as FaultSettings | null)?.operations;
  if (operations !== undefined) {
    if (typeof operations !== 'object' || operations === null)
      problems.push('settings.operations must be an object');
    else {
      for (const [id, fault] of Object.entries(operations)) {
        if (!operationIds.includes(id))
          problems.push(`settings.operations.${id} is not an operation of the contract`);
        else checkFault(fault, `settings.operations.${id}`);
      }
    }
  }
  return problems;
}
