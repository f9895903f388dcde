// Which lines a GraphQL request writes to, read before it runs: the idempotency of writes is scoped
// to them.
import type { FastifyRequest } from 'fastify';
import {
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  parse,
  type SelectionSetNode,
} from 'graphql';
import type { SubscriberRef } from '../shared/line.ts';

/**
 * The lines a GraphQL POST's mutation writes to: the `input.msisdn` (and `input.country`) of each of
 * its fields, with variables applied as execution will apply them; null for anything but a mutation
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
      const fragments = new Map(
        document.definitions
          .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((d) => [d.name.value, d]),
      );
      const lines: SubscriberRef[] = [];
      const spread = new Set<string>();
      const visit = (selections: SelectionSetNode) => {
        for (const selection of selections.selections) {
          if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
          else if (selection.kind === Kind.FRAGMENT_SPREAD) {
            const fragment = fragments.get(selection.name.value);
            if (fragment && !spread.has(fragment.name.value)) {
              spread.add(fragment.name.value);
              visit(fragment.selectionSet);
            }
          } else {
            const field = mutation.getFields()[selection.name.value];
            if (!field) continue;
            const input = getArgumentValues(field, selection, values.coerced).input as
              | { msisdn?: unknown; country?: unknown }
              | undefined;
            if (typeof input?.msisdn !== 'string') continue;
            const country = typeof input.country === 'string' ? input.country.toLowerCase() : defaultCountry;
            lines.push({ msisdn: input.msisdn, country });
          }
        }
      };
      visit(operation.selectionSet);
      return lines;
    } catch {
      return null; // Apollo answers the syntax or variable error itself
    }
  };
}
