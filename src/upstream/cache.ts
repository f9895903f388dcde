// The HTTP cache of upstream reads, per RFC 9111 as a shared cache (http-cache-semantics decides
// what may be stored, for how long, and how to revalidate), over a Keyv store: in memory, or Redis
// when replicas share it. Entries are indexed by line, so a write to a line drops its reads.
import CachePolicy from 'http-cache-semantics';
import type Keyv from 'keyv';

export interface CachedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Entry extends CachedAnswer {
  policy: CachePolicy.CachePolicyObject;
}

export type CacheRequest = CachePolicy.Request;
export type Lookup =
  | { kind: 'fresh'; answer: CachedAnswer }
  | { kind: 'stale'; entry: Entry; headers: Record<string, string> }
  | { kind: 'miss' };

/** How long a stale entry with a validator (ETag, Last-Modified) is kept for revalidation. */
const REVALIDATION_MS = 10 * 60_000;
/** A line's index of cached keys outlives every entry it names. */
const INDEX_MS = 24 * 3_600_000;

/** An in-memory store that forgets its oldest entries past `max`, for Keyv when no Redis is set. */
export class BoundedMap<V> extends Map<string, V> {
  readonly #max: number;
  constructor(max: number) {
    super();
    this.#max = max;
  }
  override set(key: string, value: V): this {
    this.delete(key);
    super.set(key, value);
    if (this.size > this.#max) this.delete(this.keys().next().value as string);
    return this;
  }
}

export class HttpCache {
  readonly #store: Keyv;

  constructor(store: Keyv) {
    this.#store = store;
  }

  async lookup(key: string, request: CacheRequest): Promise<Lookup> {
    const entry = (await this.#store.get(key)) as Entry | undefined;
    if (!entry) return { kind: 'miss' };
    const policy = CachePolicy.fromObject(entry.policy);
    if (policy.satisfiesWithoutRevalidation(request)) {
      return {
        kind: 'fresh',
        answer: {
          status: entry.status,
          headers: policy.responseHeaders() as Record<string, string>,
          body: entry.body,
        },
      };
    }
    return { kind: 'stale', entry, headers: policy.revalidationHeaders(request) as Record<string, string> };
  }

  /** Stores a 200 the policy allows a shared cache to store; errors and no-store answers never are. */
  async store(key: string, tag: string, request: CacheRequest, answer: CachedAnswer): Promise<boolean> {
    if (answer.status !== 200) return false;
    const policy = new CachePolicy(request, answer, { shared: true });
    if (!policy.storable() || policy.timeToLive() <= 0) return false;
    await this.#put(key, tag, policy, answer);
    return true;
  }

  /** A 304 to a revalidation: the stored body is fresh again, under the updated policy. */
  async revalidated(
    key: string,
    tag: string,
    request: CacheRequest,
    entry: Entry,
    notModified: CachedAnswer,
  ): Promise<CachedAnswer> {
    const { policy } = CachePolicy.fromObject(entry.policy).revalidatedPolicy(request, notModified);
    const answer = {
      status: entry.status,
      headers: policy.responseHeaders() as Record<string, string>,
      body: entry.body,
    };
    await this.#put(key, tag, policy, answer);
    return answer;
  }

  /** Drops every cached read of a line (after a write to it). */
  async invalidate(tag: string): Promise<void> {
    const keys = ((await this.#store.get(tag)) as string[] | undefined) ?? [];
    await Promise.all([...keys, tag].map((key) => this.#store.delete(key)));
  }

  async #put(key: string, tag: string, policy: CachePolicy, answer: CachedAnswer): Promise<void> {
    const validator = answer.headers.etag || answer.headers['last-modified'];
    const ttl = policy.timeToLive() + (validator ? REVALIDATION_MS : 0);
    const entry: Entry = { ...answer, policy: policy.toObject() };
    const keys = ((await this.#store.get(tag)) as string[] | undefined) ?? [];
    await Promise.all([
      this.#store.set(key, entry, ttl),
      keys.includes(key) ? undefined : this.#store.set(tag, [...keys, key], INDEX_MS),
    ]);
  }
}
