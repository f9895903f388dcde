// From GraphQL arguments to a line in wire form.
import type { Context } from '../http/context.ts';
import type { Country } from './__generated__/resolvers.ts';
import type { SubscriberRef } from './refs.ts';

export const lineOf = (context: Context, msisdn: string, country?: Country | null): SubscriberRef => ({
  msisdn,
  country: country ? country.toLowerCase() : context.config.defaultCountry,
});
