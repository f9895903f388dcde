// The stores that replicas share when Redis is there, each with the fallback it takes while Redis
// is away: idempotency keys and rate-limit counters fall back to this replica's memory.
import type Keyv from 'keyv';
import type { SharedState } from './redis.ts';

/** What an Idempotency-Key holds: a claim while the first request runs, then its answer. */
export type Saved =
  | { state: 'pending'; fingerprint: string }
  | { state: 'done'; fingerprint: string; status: number; contentType: string; body: string };

export interface IdempotencyStore {
  /** Claims `key` for `saved` unless it is held already; answers what holds it. */
  claim(key: string, saved: Saved, ttlMs: number): Promise<Saved | undefined>;
  save(key: string, saved: Saved, ttlMs: number): Promise<void>;
  forget(key: string): Promise<void>;
}

/** One replica's keys, in a bounded Keyv; a claim's check and write cannot interleave in-process. */
export function memoryIdempotency(keyv: Keyv): IdempotencyStore {
  const claiming = new Set<string>();
  return {
    async claim(key, saved, ttlMs) {
      if (claiming.has(key)) return { state: 'pending', fingerprint: saved.fingerprint };
      claiming.add(key);
      try {
        const existing = (await keyv.get(key)) as Saved | undefined;
        if (existing) return existing;
        await keyv.set(key, saved, ttlMs);
        return undefined;
      } finally {
        claiming.delete(key);
      }
    },
    save: async (key, saved, ttlMs) => {
      await keyv.set(key, saved, ttlMs);
    },
    forget: async (key) => {
      await keyv.delete(key);
    },
  };
}

/** Keys shared by every replica (SET NX in Redis); while Redis is away, this replica's own. */
export function sharedIdempotency(shared: SharedState, fallback: IdempotencyStore): IdempotencyStore {
  return {
    async claim(key, saved, ttlMs) {
      try {
        const previous = await shared.claim(key, JSON.stringify(saved), ttlMs);
        return previous === null ? undefined : (JSON.parse(previous) as Saved);
      } catch {
        return fallback.claim(key, saved, ttlMs);
      }
    },
    async save(key, saved, ttlMs) {
      await shared.put(key, JSON.stringify(saved), ttlMs).catch(() => fallback.save(key, saved, ttlMs));
    },
    async forget(key) {
      await Promise.all([shared.drop(key).catch(() => undefined), fallback.forget(key)]);
    },
  };
}

type Counted = { current: number; ttl: number };

/**
 * A @fastify/rate-limit store counting in Redis, so the limit holds across replicas; while Redis is
 * away each replica counts alone (a caller may then get up to the limit once per replica).
 */
export function sharedRateLimitStore(shared: SharedState) {
  const local = new Map<string, { count: number; resetAt: number }>();
  const countLocally = (key: string, windowMs: number): Counted => {
    const now = Date.now();
    let entry = local.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs };
      local.set(key, entry);
      if (local.size > 100_000) local.delete(local.keys().next().value as string);
    }
    entry.count++;
    return { current: entry.count, ttl: entry.resetAt - now };
  };
  return class SharedRateLimitStore {
    incr(key: string, done: (error: Error | null, counted?: Counted) => void, timeWindow: number): void {
      shared.increment(`rl:${key}`, timeWindow).then(
        ({ count, ttlMs }) => done(null, { current: count, ttl: ttlMs }),
        () => done(null, countLocally(key, timeWindow)),
      );
    }
    child(): SharedRateLimitStore {
      return this;
    }
  };
}
