import type { Offer, Plan, Status } from '../contract/wire.ts';
import type { UserError } from './__generated__/resolvers.ts';

/** What a Subscriber (and its Usage) resolves from: the line's identity, in wire form. */
export interface SubscriberRef {
  /** E.164 digits. */
  msisdn: string;
  /** Lowercase market code, as in the upstream's base path. */
  country: string;
}

/** A catalog object with the market it came from: the upstream's ids are unique only within a market. */
export type InMarket<T> = T & { market: string };
export type PlanRef = InMarket<Plan>;
export type OfferRef = InMarket<Offer>;

/** What every mutation payload resolves from. */
export interface PayloadRef {
  response?: string | null;
  message?: string | null;
  /** The operator's refusals: empty when the write went through. */
  userErrors: UserError[];
  subscriber: SubscriberRef;
}

/** updateStatus's payload: also the status after the change (or the current one, when refused). */
export interface StatusPayloadRef extends PayloadRef {
  status: Status;
}
