// From GraphQL arguments to a line in wire form: the one place a line is addressed, so the one
// place where a caller's right to reach it is checked, before any upstream call.
import { GraphQLError } from 'graphql';
import type { Principal } from '../auth/principal.ts';
import type { ErrorCode } from '../shared/error-codes.ts';
import type { SubscriberRef } from '../shared/line.ts';
import type { Country } from './__generated__/resolvers.ts';
import type { Context } from './context.ts';

export function canReach(principal: Principal, line: SubscriberRef): boolean {
  if (principal.agent) return true;
  return (
    principal.msisdn === line.msisdn && (principal.country === null || principal.country === line.country)
  );
}

/** A line; without a country, in the caller's market (the token's), else the gateway's default market. */
export function lineOf(context: Context, msisdn: string, country?: Country | null): SubscriberRef {
  const market = country
    ? country.toLowerCase()
    : (context.principal.country ?? context.config.defaultCountry);
  const line = { msisdn, country: market };
  if (!canReach(context.principal, line)) {
    throw new GraphQLError('This token may not reach that line', {
      extensions: { code: 'FORBIDDEN' satisfies ErrorCode },
    });
  }
  return line;
}
