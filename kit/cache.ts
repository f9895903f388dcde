// Normalized-cache settings for the kit's clients: Apollo Client's InMemoryCache `typePolicies` and
// urql graphcache's `keys`. Subscriber, Plan and Offer are entities: their `id` is unique across
// markets, and is all either cache needs to key them. Every other object is a value of the entity
// (or payload) that holds it, kept embedded there and replaced as a whole when that field is read
// again. test/unit/kit-cache.test.ts checks these lists against the schema.
import type { TypePolicies } from '@apollo/client/cache';
import type { KeyingConfig } from '@urql/exchange-graphcache';

/** The object types clients cache as entities, keyed by their `id`. */
export const ENTITIES = ['Subscriber', 'Plan', 'Offer'] as const;

/**
 * Object types with no identity of their own. ProductOffering and AcquisitionMethod have an `id`,
 * but it names a kind (an offering, a way to pay) shared by many plans, offers and markets, with
 * other details in each: keyed by it, one would overwrite another.
 */
export const EMBEDDED = [
  'LineStatus',
  'PhoneLease',
  'FavoriteNumber',
  'UpgradeRequest',
  'Usage',
  'HourlyUsage',
  'HourlyAppUsage',
  'UsageShares',
  'AppUsageShare',
  'ProductOffering',
  'NameValue',
  'AcquisitionMethod',
  'UserError',
  'AddFavoritePayload',
  'RemoveFavoritePayload',
  'PurchaseOfferPayload',
  'CancelOfferPayload',
  'ChangePlanPayload',
  'RequestPlanUpgradePayload',
  'RequestAdditionalSubscriptionsPayload',
  'UpdateStatusPayload',
] as const;

/** A list the upstream answers whole: the new list replaces the cached one (a removed item is gone). */
const replaced = { merge: false } as const;

/** Apollo Client: `new InMemoryCache({ typePolicies })`. */
export const typePolicies: TypePolicies = {
  Subscriber: {
    fields: {
      availablePlans: replaced,
      planUpgrades: replaced,
      offers: replaced,
      favorites: replaced,
    },
  },
  // One per line: an answer with fewer fields (Me's status) updates the fields it has.
  LineStatus: { merge: true },
  PhoneLease: { merge: true },
  UpgradeRequest: { merge: true },
  Usage: { merge: true },
  ProductOffering: { keyFields: false },
  AcquisitionMethod: { keyFields: false },
};

/** urql graphcache: `cacheExchange({ keys })`. A null key embeds the object in its parent. */
export const keys: KeyingConfig = Object.fromEntries(EMBEDDED.map((type) => [type, () => null]));
