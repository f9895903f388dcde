// What the catalog types resolve from (codegen's mappers): the upstream's objects with their market.
import type { Offer, Plan } from '../contract/wire.ts';

/** A catalog object with the market it came from: the upstream's ids are unique only within a market. */
export type InMarket<T> = T & { market: string };
export type PlanRef = InMarket<Plan>;
export type OfferRef = InMarket<Offer>;
