import type { DatabaseSync } from 'node:sqlite';
import type { OperationId } from '../../contract/wire.ts';
import { billingHandlers } from './billing.ts';
import { favoriteHandlers } from './favorites.ts';
import { leaseHandlers } from './lease.ts';
import { offerHandlers } from './offers.ts';
import { planHandlers } from './plans.ts';
import { subscriberLookup } from './subscribers.ts';
import type { Deps, Handler } from './types.ts';

/** One handler per contract operation; the type fails to check if one is missing. */
export function createHandlers(db: DatabaseSync): Record<OperationId, Handler> {
  const deps: Deps = { db, subscriber: subscriberLookup(db) };
  return {
    ...billingHandlers(deps),
    ...favoriteHandlers(deps),
    ...offerHandlers(deps),
    ...leaseHandlers(deps),
    ...planHandlers(deps),
  };
}
