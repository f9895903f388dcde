// Ids for clients' normalized caches (Apollo Client, urql graphcache): unique across markets,
// because the upstream's own offer and plan ids repeat from one market to the next.
import { COUNTRIES } from '../config.ts';
import type { SubscriberRef } from '../shared/line.ts';
import { badInput } from './scalars.ts';

const MARKET_PREFIX = new RegExp(`^(${COUNTRIES.join('|')}):(.+)$`);

/** `hn:104`: the market, then the id within the market. */
export const globalId = (market: string, id: string): string => `${market}:${id}`;

/**
 * The upstream's id of a plan or offer of the line's market, from either form a client may send:
 * the upstream's own (`104`) or the global one (`hn:104`) that the object's `id` gives. A global id
 * of another market is refused before any upstream call.
 */
export function upstreamIdOf(line: SubscriberRef, id: string): string {
  const global = MARKET_PREFIX.exec(id);
  if (!global) return id;
  const [, market, own] = global as unknown as [string, string, string];
  if (market !== line.country) {
    throw badInput(
      `${id} is of market ${market.toUpperCase()}; the line is in ${line.country.toUpperCase()}`,
    );
  }
  return own;
}
