// The one walk over an operation's selections, for the limits (depth, cost, size, introspection) and
// the prefetch. Each selection set is walked once per type it is read as, and a fragment spread twice
// reuses its first walk: the work is linear in the document, whatever the fragments multiply. The
// figures are what executing the operation as written would reach, with every fragment inlined.
// @skip and @include are honoured: with the variables when they are known (execution, the cost
// limit), else only with literal conditions (validation). The summary of an operation is kept per
// shape of its variables, in a bounded cache.
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionNode,
  type SelectionSetNode,
  TypeMetaFieldDef,
} from 'graphql';
import { BoundedMap } from '../upstream/cache.ts';
import { type FieldRead, subscriberReads, usageReads } from './resolvers/reads.ts';

type Composite = GraphQLObjectType | GraphQLInterfaceType;
type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/** The upstream reads behind fields, by type: each costs one call per line, and the prefetch starts them. */
export const READS: Readonly<Record<string, Readonly<Record<string, FieldRead>>>> = {
  Subscriber: subscriberReads,
  Usage: usageReads,
};
/** Root fields that check a line's existence: one upstream call per line. */
const LINE_FIELDS = new Set(['subscriber', 'subscribers', 'me']);
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/** A field the operation reaches, with its parent type and the walk of its own selection. */
export interface Reached {
  node: FieldNode;
  parent: string | undefined;
  field: GraphQLField<unknown, unknown> | undefined;
  set: SetSummary | undefined;
}

/** The walk of one selection set read as one type. Counts are with fragments inlined. */
export interface SetSummary {
  /** Deepest nesting of the operation's own fields (introspection subtrees apart). */
  depth: number;
  /** Upstream calls for one line. */
  cost: number;
  /** Fields reached. */
  selections: number;
  /** Fragment spreads reached. */
  spreads: number;
  /** Longest `subscribers(msisdns:)` list. */
  widestList: number;
  /** `__schema` and `__type` fields reached, and the deepest of their subtrees. */
  introspectionRoots: number;
  introspectionDepth: number;
  /** Longest chain of nested `ofType`, and the chain that starts in this set. */
  ofTypeChain: number;
  ofTypeRun: number;
  /** Fields and fragments of the set, in order: fragments are shared walks, not copies. */
  entries: (Reached | SetSummary)[];
}

export interface Summary extends Omit<SetSummary, 'entries' | 'ofTypeRun'> {
  /** Whether a variable decided anything (a condition, a list's length). */
  usesVariables: boolean;
  /** The reads the prefetch starts for a Subscriber field of the operation. */
  readsUnder(node: FieldNode): readonly Reached[];
  /** The operation's root fields, its fragments inlined (each fragment once): a mutation's writes. */
  rootFields(): readonly Reached[];
}

const EMPTY: SetSummary = {
  depth: 0,
  cost: 0,
  selections: 0,
  spreads: 0,
  widestList: 0,
  introspectionRoots: 0,
  introspectionDepth: 0,
  ofTypeChain: 0,
  ofTypeRun: 0,
  entries: [],
};

const fragmentMaps = new WeakMap<object, Fragments>();
/** The fragments of a document by name, built once per document. */
export function fragmentsOf(document: { definitions: readonly { kind: string }[] }): Fragments {
  let fragments = fragmentMaps.get(document);
  if (!fragments) {
    fragments = Object.fromEntries(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    fragmentMaps.set(document, fragments);
  }
  return fragments;
}

/** The length of a list argument; bad input is left for execution to refuse, counting one. */
function listLength(read: () => unknown): number {
  try {
    const value = read();
    return Array.isArray(value) ? Math.max(1, value.length) : 1;
  } catch {
    return 1;
  }
}

const compositeOf = (schema: GraphQLSchema, name: string | undefined): Composite | undefined => {
  const type = name === undefined ? undefined : schema.getType(name);
  return isObjectType(type) || isInterfaceType(type) ? type : undefined;
};

function fieldOf(
  schema: GraphQLSchema,
  parent: Composite | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  // The meta fields graphql-js adds to the query root; their types are the introspection types.
  const root = parent !== undefined && parent === schema.getQueryType();
  if (name === '__schema') return root ? SchemaMetaFieldDef : undefined;
  if (name === '__type') return root ? TypeMetaFieldDef : undefined;
  return parent?.getFields()[name];
}

function walkOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables: Record<string, unknown> | undefined,
): Summary {
  let usesVariables = false;
  const memo = new Map<SelectionSetNode, Map<string, SetSummary>>();
  const inProgress = new Set<SelectionSetNode>();
  const bySubscriberField = new Map<FieldNode, SetSummary>();

  /** @skip and @include: with the variables if known; a condition on an unknown variable counts as included. */
  const included = (node: SelectionNode) => {
    if (!node.directives?.length) return true;
    for (const [directive, skipWhen] of [
      [GraphQLSkipDirective, true],
      [GraphQLIncludeDirective, false],
    ] as const) {
      const applied = node.directives.find((d) => d.name.value === directive.name);
      if (!applied) continue;
      const condition = applied.arguments?.find((a) => a.name.value === 'if')?.value;
      if (condition?.kind === Kind.VARIABLE) {
        usesVariables = true;
        if (!variables) continue;
      }
      try {
        if (getDirectiveValues(directive, node, variables ?? {})?.if === skipWhen) return false;
      } catch {
        // A bad condition is execution's to refuse; until then the branch counts.
      }
    }
    return true;
  };

  const walk = (set: SelectionSetNode, type: Composite | undefined): SetSummary => {
    const key = type?.name ?? '';
    const known = memo.get(set)?.get(key);
    if (known) return known;
    // A fragment cycle is refused by validation (NoFragmentCycles); the walk just stops at it.
    if (inProgress.has(set)) return EMPTY;
    inProgress.add(set);
    const summary: SetSummary = { ...EMPTY, entries: [] };
    /** Adds a part's figures; its cost counts once per line it is read for. */
    const add = (inner: SetSummary, lines = 1) => {
      summary.depth = Math.max(summary.depth, inner.depth);
      summary.cost += inner.cost * lines;
      summary.selections += inner.selections;
      summary.spreads += inner.spreads;
      summary.widestList = Math.max(summary.widestList, inner.widestList);
      summary.introspectionRoots += inner.introspectionRoots;
      summary.introspectionDepth = Math.max(summary.introspectionDepth, inner.introspectionDepth);
      summary.ofTypeChain = Math.max(summary.ofTypeChain, inner.ofTypeChain);
    };
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = compositeOf(schema, selection.typeCondition?.name.value) ?? type;
        const inner = walk(selection.selectionSet, condition);
        add(inner);
        summary.ofTypeRun = Math.max(summary.ofTypeRun, inner.ofTypeRun);
        summary.entries.push(inner);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        summary.spreads++;
        const fragment = fragments[selection.name.value];
        if (!fragment) continue;
        const inner = walk(
          fragment.selectionSet,
          compositeOf(schema, fragment.typeCondition.name.value) ?? type,
        );
        add(inner);
        summary.ofTypeRun = Math.max(summary.ofTypeRun, inner.ofTypeRun);
        summary.entries.push(inner);
      } else {
        const name = selection.name.value;
        const field = fieldOf(schema, type, name);
        const child = field ? compositeOf(schema, getNamedType(field.type)?.name) : undefined;
        const inner = selection.selectionSet ? walk(selection.selectionSet, child) : undefined;
        summary.entries.push({ node: selection, parent: type?.name, field, set: inner });
        summary.selections++;
        // subscribers(msisdns:) reads each line it is given: its selection costs once per line.
        let lines = 1;
        if (type === schema.getQueryType() && name === 'subscribers' && field) {
          const list = selection.arguments?.find((a) => a.name.value === 'msisdns');
          if (list?.value.kind === Kind.VARIABLE) usesVariables = true;
          lines = listLength(() => getArgumentValues(field, selection, variables ?? {}).msisdns);
          summary.widestList = Math.max(summary.widestList, lines);
        }
        const upstream =
          (type !== undefined && type === schema.getMutationType()) ||
          (type === schema.getQueryType() && LINE_FIELDS.has(name)) ||
          (type !== undefined && READS[type.name]?.[name] !== undefined);
        if (upstream) summary.cost += lines;
        if (child?.name === 'Subscriber' && inner) bySubscriberField.set(selection, inner);
        if (!inner) {
          if (!INTROSPECTION_ROOTS.has(name)) summary.depth = Math.max(summary.depth, 1);
          continue;
        }
        add({ ...inner, depth: 0, introspectionDepth: 0 }, lines);
        if (INTROSPECTION_ROOTS.has(name)) {
          // Introspection has its own bounds; its depth is not the operation's own.
          summary.introspectionRoots++;
          summary.introspectionDepth = Math.max(summary.introspectionDepth, 1 + inner.depth);
        } else {
          summary.depth = Math.max(summary.depth, 1 + inner.depth);
          summary.introspectionDepth = Math.max(summary.introspectionDepth, inner.introspectionDepth);
        }
        if (name === 'ofType') {
          summary.ofTypeRun = Math.max(summary.ofTypeRun, 1 + inner.ofTypeRun);
          summary.ofTypeChain = Math.max(summary.ofTypeChain, 1 + inner.ofTypeRun);
        }
      }
    }
    inProgress.delete(set);
    memo.set(set, (memo.get(set) ?? new Map<string, SetSummary>()).set(key, summary));
    return summary;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const rootSet = walk(operation.selectionSet, root ?? undefined);
  const { entries: _entries, ofTypeRun: _run, ...totals } = rootSet;
  const reads = new Map<FieldNode, readonly Reached[]>();
  let rootFields: Reached[] | undefined;
  return {
    ...totals,
    usesVariables,
    rootFields() {
      if (!rootFields) {
        const fields: Reached[] = [];
        const seen = new Set<SetSummary>();
        const collect = (set: SetSummary) => {
          for (const entry of set.entries) {
            if ('node' in entry) fields.push(entry);
            else if (!seen.has(entry)) {
              seen.add(entry);
              collect(entry);
            }
          }
        };
        collect(rootSet);
        rootFields = fields;
      }
      return rootFields;
    },
    readsUnder(node) {
      let found = reads.get(node);
      if (!found) {
        const collected: Reached[] = [];
        const set = bySubscriberField.get(node);
        if (set) collectReads(set, collected);
        reads.set(node, collected);
        found = collected;
      }
      return found;
    },
  };
}

/** The upstream-backed fields of a Subscriber selection, and of its Usage below it. */
function collectReads(set: SetSummary, into: Reached[]): void {
  for (const entry of set.entries) {
    if (!('node' in entry)) {
      collectReads(entry, into);
      continue;
    }
    if (entry.parent && READS[entry.parent]?.[entry.node.name.value]) into.push(entry);
    const child = entry.field && getNamedType(entry.field.type)?.name;
    if (entry.set && child && child in READS) collectReads(entry.set, into);
  }
}

/** What decides a summary among a document's variables: conditions and list lengths. */
function shapeOf(variables: Record<string, unknown>): string {
  return JSON.stringify(
    Object.entries(variables).map(([name, value]) => [
      name,
      typeof value === 'boolean' ? value : Array.isArray(value) ? value.length : typeof value,
    ]),
  );
}

/** Summaries kept per operation: a few variable shapes each, and the static one of validation. */
const SHAPES_PER_OPERATION = 8;
const summaries = new WeakMap<OperationDefinitionNode, BoundedMap<Summary>>();
const shapes = new WeakMap<object, string>();

/**
 * The summary of an operation: computed once per document and variables shape, then cached. Without
 * variables (validation), conditions on variables count as included and lists as one line.
 */
export function summarize(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables?: Record<string, unknown>,
): Summary {
  let cached = summaries.get(operation);
  if (!cached) {
    cached = new BoundedMap<Summary>(SHAPES_PER_OPERATION);
    summaries.set(operation, cached);
  }
  const fixed = cached.get('static');
  // A summary no variable decides serves every request of the document.
  if (fixed && !fixed.usesVariables) return fixed;
  if (!variables) {
    const summary = fixed ?? walkOperation(schema, operation, fragments, undefined);
    cached.set('static', summary);
    return summary;
  }
  let shape = shapes.get(variables);
  if (shape === undefined) {
    shape = shapeOf(variables);
    shapes.set(variables, shape);
  }
  let summary = cached.get(shape);
  if (!summary) {
    summary = walkOperation(schema, operation, fragments, variables);
    if (!summary.usesVariables) cached.set('static', summary);
    cached.set(shape, summary);
  }
  return summary;
}
