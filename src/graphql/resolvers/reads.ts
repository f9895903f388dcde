// The upstream read behind each field of Subscriber and Usage: used by the field resolvers, and
// by the prefetch that starts them all while the line's existence is checked.
import type { UsageResolution, PlanType as WirePlanType } from '../../contract/wire.ts';
import type { SubscriberRef } from '../../shared/line.ts';
import type { PlanType } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { inMarket } from '../reading.ts';
import type { InMarket } from '../refs.ts';
import { badInput, instantOf } from '../scalars.ts';

/** The upstream read behind a field: what its resolver returns, and what the prefetch starts. */
export type FieldRead = (
  context: Context,
  line: SubscriberRef,
  args: Record<string, unknown>,
) => Promise<unknown>;

const planType = (type: unknown): WirePlanType | undefined =>
  type ? ((type as PlanType).toLowerCase() as WirePlanType) : undefined;

/**
 * The usage period asked for. A typed one that ends before it starts is refused here, before any
 * upstream call; one given as written is the upstream's to judge (the REST router's pass-through).
 */
function window(args: Record<string, unknown>): { from?: string; to?: string } {
  const asWritten = args.fromAsWritten != null || args.toAsWritten != null;
  const from = ((args.fromAsWritten ?? args.from) as string | null | undefined) ?? undefined;
  const to = ((args.toAsWritten ?? args.to) as string | null | undefined) ?? undefined;
  if (!asWritten && from !== undefined && to !== undefined && instantOf(from) > instantOf(to)) {
    throw badInput(`from (${from}) must not be after to (${to})`);
  }
  return { from, to };
}

/** Catalog objects (plans, offers) with the line's market, which their ids need. */
const withMarket = <T extends object>(line: SubscriberRef, value: T): InMarket<T> => ({
  ...value,
  market: line.country,
});
const allWithMarket = <T extends object>(line: SubscriberRef, values: T[]) =>
  values.map((value) => withMarket(line, value));

export const subscriberReads = {
  status: ({ loaders }, line) => loaders.status.load(line),
  plan: async ({ loaders }, line) => withMarket(line, await loaders.plan.load(line)),
  availablePlans: async ({ loaders }, line, args) =>
    allWithMarket(line, await loaders.plans.load({ ...line, type: planType(args.type) })),
  planUpgrades: async ({ loaders }, line) =>
    allWithMarket(line, await loaders.plans.load({ ...line, type: 'upgrades' })),
  upgradeRequest: ({ loaders }, line) => loaders.upgradeRequest.load(line),
  offers: async ({ loaders }, line, args) =>
    allWithMarket(
      line,
      await loaders.offers.load({
        ...line,
        channelId: (args.channelIdAsWritten as string | null) ?? (args.channelId as number | null) ?? 4,
      }),
    ),
  favorites: ({ loaders }, line) => loaders.favorites.load(line),
  phoneLease: ({ loaders }, line) => loaders.phoneLease.load(line),
} satisfies Record<string, FieldRead>;

export const usageReads = {
  hourlyByApp: ({ loaders }, line, args) =>
    loaders.hourlyUsage.load({ ...line, ...window(args) }).then(inMarket(line.country)),
  percentageByApp: ({ loaders }, line, args) =>
    loaders.usageShares
      .load({
        ...line,
        ...window(args),
        resolution: (args.resolutionAsWritten ?? args.resolution ?? 'HOUR') as UsageResolution,
      })
      .then(inMarket(line.country)),
} satisfies Record<string, FieldRead>;
