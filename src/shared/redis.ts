// State that replicas share through Redis (REDIS_URL): the upstream HTTP cache, persisted queries,
// Idempotency-Keys and rate-limit counters. Redis is never waited for: every command has a short
// deadline, nothing queues while it is away, and each user falls back as documented (a cache miss,
// per-replica keys and limits) until it is back.
import Keyv from 'keyv';
import { createClient } from 'redis';

/** How long one Redis command may take before the gateway carries on without it. */
const COMMAND_MS = 250;

export interface SharedState {
  /** A Keyv over Redis under a namespace; its commands fail soft (a miss, a no-op). */
  keyv(namespace: string): Keyv;
  /** SET NX: stores `value` unless the key exists; answers the value that was there, or null. Throws when Redis is away. */
  claim(key: string, value: string, ttlMs: number): Promise<string | null>;
  /** SET with a TTL, overwriting. Throws when Redis is away. */
  put(key: string, value: string, ttlMs: number): Promise<void>;
  /** DEL. Throws when Redis is away. */
  drop(key: string): Promise<void>;
  /** INCR with a window: the count in the window and the ms left in it. Throws when Redis is away. */
  increment(key: string, windowMs: number): Promise<{ count: number; ttlMs: number }>;
  /** Whether Redis answers now. */
  up(): boolean;
  close(): Promise<void>;
}

function deadline<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('Redis did not answer in time')), COMMAND_MS).unref(),
    ),
  ]);
}

export async function connectShared(url: string, onChange?: (up: boolean) => void): Promise<SharedState> {
  let ready = false;
  // redis://, rediss:// or unix:///path/to/redis.sock
  const socketPath = url.startsWith('unix:') ? new URL(url).pathname : undefined;
  const client = createClient({
    ...(socketPath ? {} : { url }),
    disableOfflineQueue: true,
    socket: {
      ...(socketPath && { path: socketPath }),
      connectTimeout: 1000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000),
    },
  });
  const set = (up: boolean) => {
    if (ready !== up) onChange?.(up);
    ready = up;
  };
  client.on('ready', () => set(true));
  client.on('end', () => set(false));
  client.on('error', () => set(false));
  // The gateway starts whether or not Redis is there; the client keeps trying in the background.
  client.connect().catch(() => set(false));

  const soft = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    if (!ready) return fallback;
    try {
      return await deadline(work());
    } catch {
      return fallback;
    }
  };
  const hard = <T>(work: () => Promise<T>): Promise<T> => {
    if (!ready) return Promise.reject(new Error('Redis is unavailable'));
    return deadline(work());
  };

  return {
    keyv(namespace) {
      const store = {
        get: (key: string) => soft(async () => (await client.get(key)) ?? undefined, undefined),
        set: (key: string, value: string, ttl?: number) =>
          soft(
            async () =>
              (await client.set(
                key,
                value,
                ttl ? { expiration: { type: 'PX', value: Math.ceil(ttl) } } : {},
              )) === 'OK',
            false,
          ),
        delete: (key: string) => soft(async () => (await client.del(key)) > 0, false),
        clear: async () => undefined,
        has: (key: string) => soft(async () => (await client.exists(key)) > 0, false),
      };
      return new Keyv({ store, namespace, useKeyPrefix: true });
    },
    claim: (key, value, ttlMs) =>
      hard(async () => {
        const previous = await client.set(key, value, {
          condition: 'NX',
          expiration: { type: 'PX', value: ttlMs },
          GET: true,
        });
        return typeof previous === 'string' ? previous : null;
      }),
    put: (key, value, ttlMs) =>
      hard(async () => {
        await client.set(key, value, { expiration: { type: 'PX', value: ttlMs } });
      }),
    drop: (key) =>
      hard(async () => {
        await client.del(key);
      }),
    increment: (key, windowMs) =>
      hard(async () => {
        const [count, , ttl] = (await client
          .multi()
          .incr(key)
          .pExpire(key, windowMs, 'NX')
          .pTTL(key)
          .exec()) as unknown as [number, number, number];
        return { count, ttlMs: ttl };
      }),
    up: () => ready,
    close: async () => {
      client.destroy();
    },
  };
}
