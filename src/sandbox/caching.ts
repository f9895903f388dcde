// The caching headers a real upstream would send: a market's catalogs may be kept for minutes by
// anyone, a subscriber's state by no shared cache, and errors by nobody.
import type { OperationId } from '../contract/wire.ts';
import { hashString } from './hash.ts';

export const CATALOG_MAX_AGE_S = 300;

/** Cache-Control of a success answer: catalogs that do not depend on the line's state are public. */
export function cacheControl(operationId: OperationId, params: Record<string, unknown>, now: number): string {
  if (operationId === 'GetAvailableOffersByMSISDN') return `public, max-age=${CATALOG_MAX_AGE_S}`;
  if (
    operationId === 'GetAvailablePlansbyMSISDN' &&
    (params.planType === undefined || params.planType === 'additional')
  ) {
    return `public, max-age=${CATALOG_MAX_AGE_S}`;
  }
  if (operationId.startsWith('GetDataUsage')) {
    // Usage changes when the hour does.
    return `private, max-age=${Math.ceil((3_600_000 - (now % 3_600_000)) / 1000)}`;
  }
  return 'private, no-cache';
}

export const etagOf = (text: string): string =>
  `W/"${hashString(text).toString(36)}-${text.length.toString(36)}"`;
