// The executable schema: the SDL files of schema/graphql with the resolvers of each domain.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { Mutation } from './resolvers/mutations.ts';
import { Query } from './resolvers/query.ts';
import { Subscriber, Usage } from './resolvers/subscriber.ts';
import { typeResolvers } from './resolvers/types.ts';
import { scalars } from './scalars.ts';

export const SDL_DIR = join(import.meta.dirname, '../../schema/graphql');

export function loadTypeDefs(): string[] {
  return readdirSync(SDL_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(SDL_DIR, file), 'utf8'));
}

export function createSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [scalars, { Query, Mutation, Subscriber, Usage }, typeResolvers],
    inheritResolversFromInterfaces: true,
  });
}
