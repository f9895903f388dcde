// Limits checked before execution, so a hostile operation never reaches the upstream: its size
// (fields and fragment spreads, with fragments inlined), depth, introspection and aliases as
// validation rules, and the cost in upstream calls once the variables are known. The figures come
// from one walk of the operation (selection.ts), linear in the document, computed once per document
// and variables shape.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTVisitor,
  type FieldNode,
  GraphQLError,
  type GraphQLSchema,
  getIntrospectionQuery,
  type IntrospectionOptions,
  Kind,
  type OperationDefinitionNode,
  parse,
  type ValidationContext,
} from 'graphql';
import type { LimitsConfig } from '../config.ts';
import type { ErrorCode } from '../shared/error-codes.ts';
import type { Context } from './context.ts';
import { LimitError } from './limit-error.ts';
import { fragmentsOf, type Summary, summarize } from './selection.ts';

const limitError = (message: string, code: ErrorCode) =>
  new GraphQLError(message, { originalError: new LimitError(message, code), extensions: { code } });

/** `__schema` and `__type` fields one operation may hold: a full introspection needs one. */
export const MAX_INTROSPECTION_ROOTS = 2;

/** Every option of graphql-js's getIntrospectionQuery, on: the largest standard introspection. */
export const EVERY_INTROSPECTION_OPTION: Required<Omit<IntrospectionOptions, 'typeDepth'>> = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  experimentalDirectiveDeprecation: true,
  oneOf: true,
};

/**
 * Introspection's own bounds, from graphql-js's standard query with every option on (what Apollo
 * Sandbox, GraphiQL and graphql-codegen send, or less): no deeper, no longer `ofType` chains.
 */
const standards = new WeakMap<GraphQLSchema, Summary>();
export function standardIntrospection(schema: GraphQLSchema): Summary {
  let standard = standards.get(schema);
  if (!standard) {
    const document = parse(getIntrospectionQuery(EVERY_INTROSPECTION_OPTION));
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    ) as OperationDefinitionNode;
    standard = summarize(schema, operation, fragmentsOf(document));
    standards.set(schema, standard);
  }
  return standard;
}

/** The first limit the operation breaks, as a refusal; none if it keeps them all. */
function breach(summary: Summary, limits: LimitsConfig, standard: Summary): GraphQLError | undefined {
  if (summary.spreads > limits.maxFragmentSpreads) {
    return limitError(
      `The operation reaches ${summary.spreads} fragment spreads; at most ${limits.maxFragmentSpreads} are allowed`,
      'SELECTION_LIMIT_EXCEEDED',
    );
  }
  if (summary.selections > limits.maxSelections) {
    return limitError(
      `The operation reaches ${summary.selections} fields with its fragments inlined; at most ${limits.maxSelections} are allowed`,
      'SELECTION_LIMIT_EXCEEDED',
    );
  }
  if (summary.depth > limits.maxDepth) {
    return limitError(
      `The operation is ${summary.depth} fields deep; at most ${limits.maxDepth} are allowed`,
      'DEPTH_LIMIT_EXCEEDED',
    );
  }
  const { introspectionRoots: roots, introspectionDepth: depth, ofTypeChain: chain } = summary;
  if (roots > MAX_INTROSPECTION_ROOTS) {
    return limitError(
      `The operation holds ${roots} __schema or __type fields; at most ${MAX_INTROSPECTION_ROOTS} are allowed`,
      'INTROSPECTION_LIMIT_EXCEEDED',
    );
  }
  if (depth > standard.introspectionDepth || chain > standard.ofTypeChain) {
    return limitError(
      `The introspection is ${depth} fields deep with ofType nested ${chain} times; the standard introspection query's ${standard.introspectionDepth} and ${standard.ofTypeChain} are the most allowed`,
      'INTROSPECTION_LIMIT_EXCEEDED',
    );
  }
  return undefined;
}

/** Size, depth and introspection, from the operation alone (conditions on variables count as taken). */
export function selectionLimits(limits: LimitsConfig) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node: OperationDefinitionNode) {
      const schema = context.getSchema();
      const summary = summarize(schema, node, fragmentsOf(context.getDocument()));
      const refusal = breach(summary, limits, standardIntrospection(schema));
      if (refusal) context.reportError(refusal);
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

/** A refusal before execution: HTTP 400 with its code. */
const refusal = (message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });

/**
 * The cost and list-length limits, checked once the operation and its variables are known. The cost
 * is the upstream calls the operation may make at most: each upstream-backed field once per line it
 * can resolve for (subscribers(msisdns:) multiplies by the list's length), each mutation once.
 */
export function operationLimits({ maxCost: max, maxSubscribers }: LimitsConfig): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const summary = summarize(schema, operation, fragmentsOf(document), request.variables ?? {});
          if (summary.widestList > maxSubscribers) {
            throw refusal(
              `subscribers takes at most ${maxSubscribers} MSISDNs; ${summary.widestList} were given`,
              'BAD_USER_INPUT',
            );
          }
          const cost = summary.cost;
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
  return [selectionLimits(limits), aliasLimit(limits.maxAliases)];
}
