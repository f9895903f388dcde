// A graphql-codegen document transform (codegen.yml): the kit's documents select `__typename` in every
// selection set, as Apollo Client's and urql's normalized caches add it. So the persisted documents
// (the trusted-documents allowlist) are the documents those clients send, and their answers carry
// the typenames the caches need.
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

export const { transform } = addTypenameSelectionDocumentTransform;
