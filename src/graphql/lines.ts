// From GraphQL arguments to a line in wire form: the one place a line is addressed, so the one
// place where a caller's right to reach it is checked, before any upstream call.
import { GraphQLError } from 'graphql';
import type { Principal } from '../auth/principal.ts';
import type { ErrorCode } from '../shared/error-codes.ts';
import type { SubscriberRef } from '../shared/line.ts';
import type { Country } from './__generated__/resolvers.ts';
import type { Context } from './context.ts';
import { badInput } from './scalars.ts';

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

/**
 * A line exactly as a legacy client wrote it: not normalised, sent upstream as it is. Only what no
 * URL path segment can carry is refused (empty, `.` and `..`, which URL parsers resolve to another
 * path, and a string that is not well-formed Unicode); a subscriber token still reaches only its
 * own line, so for it anything but its line's digits is FORBIDDEN.
 */
export function lineAsWritten(context: Context, msisdn: string, country?: Country | null): SubscriberRef {
  if (msisdn === '' || msisdn === '.' || msisdn === '..' || !msisdn.isWellFormed()) {
    throw badInput(`"${msisdn}" cannot be sent as a path segment, so it names no line`);
  }
  return lineOf(context, msisdn, country);
}

/** The line of a mutation input: its `msisdn` (normalised by the MSISDN scalar) or its `msisdnAsWritten`. */
export function lineOfInput(
  context: Context,
  input: { msisdn?: string | null; msisdnAsWritten?: string | null; country?: Country | null },
): SubscriberRef {
  const { msisdn, msisdnAsWritten, country } = input;
  if ((msisdn == null) === (msisdnAsWritten == null)) {
    throw badInput('Give the line as msisdn or as msisdnAsWritten, one of the two');
  }
  return msisdn != null
    ? lineOf(context, msisdn, country)
    : lineAsWritten(context, msisdnAsWritten as string, country);
}
