/**
 * The benchmark's peer: a plain Apollo Server 5 gateway over the same Sandbox, as a team would write
 * it: a domain schema for the dashboard's fields, resolvers calling a RESTDataSource made per request,
 * no DataLoader, no auth, no limits. Started by scripts/bench/main.ts as its own process.
 *
 * Env: UPSTREAM_URL (with `{country}`, as the gateway's), PORT (0 for any), NODE_ENV.
 * Prints "peer: GraphQL at http://host:port/graphql" once it listens, and "peer: error ..." for each
 * GraphQL error it answers.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { type Offer, type Plan, SelfCareAPI, type Status, type UsageShares } from './self-care-api.ts';

interface Line {
  msisdn: string;
  country: string;
}
interface Context {
  dataSources: { selfCare: SelfCareAPI };
}

const upstream = process.env.UPSTREAM_URL;
if (!upstream?.includes('{country}')) {
  console.error('peer: UPSTREAM_URL must be the upstream base with {country}');
  process.exit(2);
}
const baseURL = upstream.slice(0, upstream.indexOf('{country}'));

const resolvers = {
  Query: {
    subscriber: (_: unknown, args: { msisdn: string; country?: string | null }): Line => ({
      msisdn: args.msisdn.replace(/\D/g, ''),
      country: (args.country ?? 'HN').toLowerCase(),
    }),
  },
  Subscriber: {
    // Ids unique across markets, as the gateway's: the market and the upstream id.
    id: (line: Line) => `${line.country}:${line.msisdn}`,
    country: (line: Line) => line.country.toUpperCase(),
    status: (line: Line, _: unknown, { dataSources }: Context) =>
      dataSources.selfCare.status(line.country, line.msisdn),
    plan: (line: Line, _: unknown, { dataSources }: Context) =>
      dataSources.selfCare.plan(line.country, line.msisdn).then((p) => p && { ...p, market: line.country }),
    offers: (line: Line, args: { channelId: number }, { dataSources }: Context) =>
      dataSources.selfCare
        .offers(line.country, line.msisdn, args.channelId)
        .then((offers) => offers?.map((o) => ({ ...o, market: line.country }))),
    favorites: (line: Line, _: unknown, { dataSources }: Context) =>
      dataSources.selfCare.favorites(line.country, line.msisdn),
    phoneLease: (line: Line, _: unknown, { dataSources }: Context) =>
      dataSources.selfCare.phoneLease(line.country, line.msisdn),
    usage: (line: Line) => line,
  },
  Usage: {
    percentageByApp: (
      line: Line,
      args: { from?: string; to?: string; resolution: string },
      { dataSources }: Context,
    ) =>
      dataSources.selfCare.usageShares(line.country, line.msisdn, {
        ...(args.from && { startDate: args.from }),
        ...(args.to && { endDate: args.to }),
        resolution: args.resolution,
      }),
  },
  LineStatus: {
    code: (s: Status) => s.code.toUpperCase(),
  },
  Plan: {
    id: (p: Plan & { market: string }) => `${p.market}:${p.planId}`,
    planId: (p: Plan) => p.planId,
    name: (p: Plan) => p.planName,
    currency: (p: Plan) => p.currencyId,
    dataMB: (p: Plan) => p.planDataInMB,
  },
  Offer: {
    id: (o: Offer & { market: string }) => `${o.market}:${o.OfferId}`,
    offerId: (o: Offer) => o.OfferId,
    name: (o: Offer) => o.OfferName,
    currency: (o: Offer) => o.currencyId,
    validity: (o: Offer) => o.Validity,
    validityUnit: (o: Offer) => o.ValidityUnit,
  },
  FavoriteNumber: {
    phoneNumber: (f: { PhoneNumber: string }) => f.PhoneNumber,
    label: (f: { Label?: string }) => f.Label,
    expirationDate: (f: { ExpirationDate?: string }) => f.ExpirationDate,
  },
  UsageShares: {
    records: (u: UsageShares) => u.trafficDetails ?? [],
  },
  AppUsageShare: {
    percentage: (r: { percentage?: string }) => (r.percentage === undefined ? null : Number(r.percentage)),
    bytes: (r: { trafficVolumeBytes?: number }) => r.trafficVolumeBytes,
  },
};

const server = new ApolloServer<Context>({
  typeDefs: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  // Each error answered is one line on stdout, so the benchmark counts them (autocannon reads no body).
  formatError: (formatted) => {
    console.log(`peer: error ${formatted.message}`);
    return formatted;
  },
});
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 4100), host: '127.0.0.1' },
  context: async () => {
    const { cache } = server;
    return { dataSources: { selfCare: new SelfCareAPI(baseURL, { cache }) } };
  },
});
console.log(`peer: GraphQL at ${url.replace(/\/$/, '')}/graphql`);
// Apollo Server stops itself on SIGTERM and SIGINT (then exits by the signal).
