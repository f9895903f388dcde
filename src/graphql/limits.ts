// Limits checked before execution, so a hostile operation never reaches the upstream: depth and
// aliases as validation rules, and the cost in upstream calls once the variables are known.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { LimitsConfig } from '../config.ts';
import type { Context } from '../http/context.ts';
import { subscriberReads, usageReads } from './resolvers/reads.ts';

/** Fields that cost one upstream call each time they resolve for one line. */
const UPSTREAM_FIELDS = new Set([
  ...Object.keys(subscriberReads).map((f) => `Subscriber.${f}`),
  ...Object.keys(usageReads).map((f) => `Usage.${f}`),
  'Query.subscriber',
  'Query.subscribers',
  'Query.me',
]);

function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  let deepest = 0;
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD)
      deepest = Math.max(deepest, s.selectionSet ? 1 + depthOf(s.selectionSet, fragments, seen) : 1);
    else if (s.kind === Kind.INLINE_FRAGMENT)
      deepest = Math.max(deepest, depthOf(s.selectionSet, fragments, seen));
    else if (!seen.has(s.name.value)) {
      deepest = Math.max(
        deepest,
        depthOf(fragments[s.name.value]?.selectionSet, fragments, new Set([...seen, s.name.value])),
      );
    }
  }
  return deepest;
}

function fragmentsOf(context: ValidationContext): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    context
      .getDocument()
      .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
}

/** A limit's refusal; the error formatter restores its code, which validation would otherwise replace. */
export class LimitError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = 'LimitError';
    this.code = code;
  }
}

const limitError = (message: string, code: string) =>
  new GraphQLError(message, { originalError: new LimitError(message, code), extensions: { code } });

export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node: OperationDefinitionNode) {
      const depth = depthOf(node.selectionSet, fragmentsOf(context), new Set());
      if (depth > max)
        context.reportError(
          limitError(
            `The operation is ${depth} fields deep; at most ${max} are allowed`,
            'DEPTH_LIMIT_EXCEEDED',
          ),
        );
    },
  });
}

export function aliasLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node: FieldNode) {
        if (node.alias) aliases++;
      },
      Document: {
        leave() {
          if (aliases > max)
            context.reportError(
              limitError(
                `The document has ${aliases} aliases; at most ${max} are allowed`,
                'ALIAS_LIMIT_EXCEEDED',
              ),
            );
        },
      },
    };
  };
}

/** The length of a list argument; bad input is left for execution to refuse, costing one. */
function listLength(read: () => unknown): number {
  try {
    const value = read();
    return Array.isArray(value) ? Math.max(1, value.length) : 1;
  } catch {
    return 1;
  }
}

/**
 * The upstream calls an operation may cost at most: each upstream-backed field once per line it can
 * resolve for (subscribers(msisdns:) multiplies by the list's length), each mutation once. A list
 * longer than `maxLines` is refused on the way.
 */
export function costOf(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  maxLines: number,
): number {
  const walk = (type: GraphQLObjectType, set: SelectionSetNode | undefined, lines: number): number => {
    let cost = 0;
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.INLINE_FRAGMENT) cost += walk(type, s.selectionSet, lines);
      else if (s.kind === Kind.FRAGMENT_SPREAD)
        cost += walk(type, fragments[s.name.value]?.selectionSet, lines);
      else {
        const field = type.getFields()[s.name.value];
        if (!field) continue;
        let inner = lines;
        if (type.name === 'Query' && s.name.value === 'subscribers') {
          const length = listLength(() => getArgumentValues(field, s, variables).msisdns);
          if (length > maxLines) {
            throw refusal(
              `subscribers takes at most ${maxLines} MSISDNs; ${length} were given`,
              'BAD_USER_INPUT',
            );
          }
          inner = lines * length;
        }
        if (type.name === 'Mutation' || UPSTREAM_FIELDS.has(`${type.name}.${s.name.value}`)) cost += inner;
        const named = getNamedType(field.type);
        if (isObjectType(named)) cost += walk(named, s.selectionSet, inner);
      }
    }
    return cost;
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return root ? walk(root, operation.selectionSet, 1) : 0;
}

/** A refusal before execution: HTTP 400 with its code. */
const refusal = (message: string, code: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });

/** The cost and list-length limits, checked once the operation and its variables are known. */
export function operationLimits({ maxCost: max, maxSubscribers }: LimitsConfig): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          const cost = costOf(schema, operation, fragments, request.variables ?? {}, maxSubscribers);
          if (cost > max) {
            throw refusal(
              `The operation may cost ${cost} upstream calls; at most ${max} are allowed`,
              'COST_LIMIT_EXCEEDED',
              {
                cost,
                maxCost: max,
              },
            );
          }
        },
      };
    },
  };
}

export function limitRules(limits: LimitsConfig) {
  return [depthLimit(limits.maxDepth), aliasLimit(limits.maxAliases)];
}
