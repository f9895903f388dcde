// Subscriber and Usage: each upstream-backed field is its read in reads.ts.

import type { SubscriberRef } from '../../shared/line.ts';
import type { Country, SubscriberResolvers, UsageResolvers } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { globalId } from '../ids.ts';
import { type FieldRead, subscriberReads, usageReads } from './reads.ts';

/** Field resolvers that hand (parent line, args, context) to the reads. */
const fromReads = (reads: Record<string, FieldRead>) =>
  Object.fromEntries(
    Object.entries(reads).map(([field, read]) => [
      field,
      (line: SubscriberRef, args: Record<string, unknown>, context: Context) => read(context, line, args),
    ]),
  );

export const Subscriber = {
  id: (line) => globalId(line.country, line.msisdn),
  msisdn: (line) => line.msisdn,
  country: (line) => line.country.toUpperCase() as Country,
  usage: (line) => line,
  ...fromReads(subscriberReads),
} as SubscriberResolvers;

export const Usage = fromReads(usageReads) as UsageResolvers;
