// What GraphQL tells the gateway's metrics: the operation a request turned out to be, and the codes of
// its errors as its clients see them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, parse } from 'graphql';
import type { Metrics } from '../observability/metrics.ts';
import type { Context } from './context.ts';
import { codeOf } from './errors.ts';

const OPERATIONS_DIR = join(import.meta.dirname, '../../operations');

/**
 * The GraphQL operations that get their own metric label: the frontend kit's (operations/*.graphql)
 * and those of a trusted-documents file. Names come from the gateway's files, never from clients.
 */
export function knownOperationNames(trustedDocuments: string | null): string[] {
  const documents = readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(join(OPERATIONS_DIR, file), 'utf8'));
  if (trustedDocuments) {
    documents.push(
      ...Object.values(JSON.parse(readFileSync(trustedDocuments, 'utf8')) as Record<string, string>),
    );
  }
  return documents.flatMap((text) =>
    parse(text).definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
    ),
  );
}

/**
 * Names GraphQL requests by their operation (REST routes name themselves by operationId) and counts
 * the errors of GraphQL requests by the code their clients see.
 */
export function graphqlMetrics(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          contextValue.report.operation ??= operationName ?? 'anonymous';
        },
        async didEncounterErrors({ errors, contextValue }) {
          const { report } = contextValue;
          report.operation ??= 'invalid';
          if (report.surface !== 'graphql') return;
          for (const error of errors) metrics.errors.inc({ surface: 'graphql', code: codeOf(error) });
        },
      };
    },
  };
}
