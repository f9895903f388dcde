import type { GraphQLResolveInfo } from 'graphql';
import type { SubscriberRef } from '../../shared/line.ts';
import { UpstreamError } from '../../upstream/errors.ts';
import type { Country, QueryResolvers } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { lineAsWritten, lineOf } from '../lines.ts';
import { prefetch } from '../prefetch.ts';

/**
 * A line exists unless its status read answers 404. Every other read of the selection starts first,
 * so the check costs no extra round trip; any other failure of the status read is left to the
 * status field, so the rest of the line still arrives.
 */
async function existingLine(
  info: GraphQLResolveInfo,
  context: Context,
  line: SubscriberRef,
): Promise<SubscriberRef> {
  prefetch(info, context, line);
  try {
    await context.loaders.status.load(line);
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 404) throw error;
  }
  return line;
}

export const Query: QueryResolvers = {
  me: (_, __, context, info) => {
    const { msisdn, country } = context.principal;
    if (!msisdn) return null;
    return existingLine(
      info,
      context,
      lineOf(context, msisdn, country ? (country.toUpperCase() as Country) : null),
    );
  },

  subscriber: (_, { msisdn, country }, context, info) =>
    existingLine(info, context, lineOf(context, msisdn, country)),

  // The list's length is bounded before execution (src/graphql/limits.ts).
  subscribers: (_, { msisdns, country }, context, info) => {
    // Each entry succeeds or fails on its own: a line the token may not reach is one null entry.
    return msisdns.map(async (msisdn) => existingLine(info, context, lineOf(context, msisdn, country)));
  },

  line: (_, { msisdn, country }, context) => lineOf(context, msisdn, country),

  lineAsWritten: (_, { msisdn, country }, context) => lineAsWritten(context, msisdn, country),
};
