/** What a Subscriber (and its Usage) resolves from: the line's identity, in wire form. */
export interface SubscriberRef {
  /** E.164 digits. */
  msisdn: string;
  /** Lowercase market code, as in the upstream's base path. */
  country: string;
}

/** What every mutation payload resolves from. */
export interface PayloadRef {
  response?: string;
  message?: string;
  subscriber: SubscriberRef;
}
