// Which lines a GraphQL request writes to, read before it runs: the idempotency of writes is scoped
// to them. The mutation's fields are those of the operation's one walk (selection.ts), so @skip and
// @include decide here as they do in execution.
import type { FastifyRequest } from 'fastify';
import { type GraphQLSchema, getArgumentValues, getOperationAST, getVariableValues, parse } from 'graphql';
import type { SubscriberRef } from '../shared/line.ts';
import { fragmentsOf, summarize } from './selection.ts';

/**
 * The lines a GraphQL POST's mutation writes to: the `input.msisdn` (and `input.country`) of each of
 * the fields it runs, with variables applied as execution will apply them; null for anything but a mutation
 * that can run.
 */
export function mutationLines(schema: GraphQLSchema, defaultCountry: string) {
  const mutation = schema.getMutationType();
  return (request: FastifyRequest): SubscriberRef[] | null => {
    const { query, operationName, variables } = (request.body ?? {}) as Record<string, unknown>;
    if (typeof query !== 'string' || !mutation) return null;
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
    try {
      const document = parse(query);
      const operation = getOperationAST(
        document,
        typeof operationName === 'string' ? operationName : undefined,
      );
      if (operation?.operation !== 'mutation') return null;
      const values = getVariableValues(
        schema,
        operation.variableDefinitions ?? [],
        (variables ?? {}) as Record<string, unknown>,
      );
      if (values.errors) return null;
      const summary = summarize(schema, operation, fragmentsOf(document), values.coerced);
      const lines: SubscriberRef[] = [];
      for (const { field, node } of summary.rootFields()) {
        if (!field) continue;
        const input = getArgumentValues(field, node, values.coerced).input as
          | { msisdn?: unknown; msisdnAsWritten?: unknown; country?: unknown }
          | undefined;
        // Either spelling of the line scopes the key: the one as written (REST's) too.
        const msisdn = input?.msisdn ?? input?.msisdnAsWritten;
        if (typeof msisdn !== 'string') continue;
        // As lines.ts addresses it: the input's market, else the token's, else the default.
        const country =
          typeof input?.country === 'string'
            ? input.country.toLowerCase()
            : (request.principal?.country ?? defaultCountry);
        lines.push({ msisdn, country });
      }
      return lines;
    } catch {
      return null; // Apollo answers the syntax or variable error itself
    }
  };
}
