// Per-request DataLoaders, one per upstream read: identical reads in one request share one call,
// and independent reads start together. Created per request in the context, never shared.
import DataLoader from 'dataloader';
import type { PlanType, UsageResolution } from '../contract/wire.ts';
import type { SubscriberRef } from '../shared/line.ts';
import type { CallContext, UpstreamApi } from '../upstream/client.ts';
import { UpstreamError } from '../upstream/errors.ts';

export interface PlansKey extends SubscriberRef {
  type?: PlanType;
}
export interface OffersKey extends SubscriberRef {
  /** A string when a legacy client's value is passed on as written. */
  channelId: number | string;
}
export interface UsageKey extends SubscriberRef {
  from?: string;
  to?: string;
}
export interface SharesKey extends UsageKey {
  resolution: UsageResolution;
}

/**
 * Keys name the caller, the line and every argument given, in a fixed order: equal reads of one
 * caller meet in the cache, and no key of one caller can match another's.
 */
const keyOf = (caller: string, key: SubscriberRef & Record<string, unknown>): string => {
  const names = Object.keys(key).sort();
  const entries: unknown[] = [caller];
  for (const name of names) if (key[name] !== undefined) entries.push([name, key[name]]);
  return JSON.stringify(entries);
};

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** For reads where 404 means "the line has none" (the line itself is checked apart): null. */
const noneOn404 = <T>(promise: Promise<T>): Promise<T | null> =>
  promise.catch((error: unknown) => {
    if (error instanceof UpstreamError && error.status === 404) return null;
    throw error;
  });

const path = (line: SubscriberRef) => ({ MSISDN: line.msisdn });

export function createLoaders(
  api: UpstreamApi,
  call: CallContext,
  caller: string,
  onBatch?: (loader: string, size: number) => void,
) {
  /** Reads with no batch endpoint upstream: the loader dedupes and fans them out at once. */
  const loader = <K extends SubscriberRef, V>(
    name: string,
    read: (key: K) => Promise<V>,
  ): DataLoader<K, V, string> =>
    new DataLoader<K, V, string>(
      (keys) => {
        onBatch?.(name, keys.length);
        return Promise.all(keys.map((key) => read(key).catch((error: unknown) => toError(error))));
      },
      { cacheKeyFn: (key) => keyOf(caller, key as K & Record<string, unknown>) },
    );
  const loaders = {
    status: loader('status', (line: SubscriberRef) =>
      api.GetStatusOfSubscriberByMSISDN({ country: line.country, path: path(line) }, call),
    ),
    plan: loader('plan', (line: SubscriberRef) =>
      api.GetCurrentPlanDetailsbyMSISDN({ country: line.country, path: path(line) }, call),
    ),
    /** Upgrades go to the dedicated upgrades/ operation, so planUpgrades and availablePlans(UPGRADES) share one call. */
    plans: loader('plans', ({ type, ...line }: PlansKey) =>
      type === 'upgrades'
        ? api.GetAvailablePlansUpgradesbyMSISDN({ country: line.country, path: path(line) }, call)
        : api.GetAvailablePlansbyMSISDN(
            { country: line.country, path: path(line), query: type ? { planType: type } : {} },
            call,
          ),
    ),
    upgradeRequest: loader('upgradeRequest', (line: SubscriberRef) =>
      noneOn404(api.GetUpgradeStatusbyMSISDN({ country: line.country, path: path(line) }, call)),
    ),
    offers: loader('offers', ({ channelId, ...line }: OffersKey) =>
      api.GetAvailableOffersByMSISDN(
        { country: line.country, path: path(line), query: { channelId: channelId as number } },
        call,
      ),
    ),
    favorites: loader('favorites', (line: SubscriberRef) =>
      api.GetFavoriteNumbersByMSISDN({ country: line.country, path: path(line) }, call),
    ),
    phoneLease: loader('phoneLease', (line: SubscriberRef) =>
      noneOn404(api.GetPhoneLeaseDetailsbyMSISDN({ country: line.country, path: path(line) }, call)),
    ),
    hourlyUsage: loader('hourlyUsage', ({ from, to, ...line }: UsageKey) =>
      api.GetDataUsageByMSISDNPerHourAndApp(
        { country: line.country, path: { msisdn: line.msisdn }, query: window(from, to) },
        call,
      ),
    ),
    usageShares: loader('usageShares', ({ from, to, resolution, ...line }: SharesKey) =>
      api.GetDataUsagePercentageByMSISDNPerApp(
        { country: line.country, path: { msisdn: line.msisdn }, query: { ...window(from, to), resolution } },
        call,
      ),
    ),
  };
  return loaders;
}

const window = (from?: string, to?: string) => ({
  ...(from !== undefined && { startDate: from }),
  ...(to !== undefined && { endDate: to }),
});

export type Loaders = ReturnType<typeof createLoaders>;
export type Resource = keyof Loaders;
