// A subscriber's line, the key of nearly everything: what a Subscriber resolves from, what the loaders
// read by, what a write's idempotency key is scoped to. A leaf, so every layer can name it.

/** The line's identity, in wire form. */
export interface SubscriberRef {
  /** E.164 digits. */
  msisdn: string;
  /** Lowercase market code, as in the upstream's base path. */
  country: string;
}
