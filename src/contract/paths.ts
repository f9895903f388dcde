// Where the contracts live: the YAML that people edit, and the JSON that `npm run generate` writes
// from it for the gateway to read at start (parsing the YAML there cost about 35 MiB of RSS).
import { join } from 'node:path';

export const CONTRACT_PATH = join(import.meta.dirname, '../../schema/upstream/self-care.openapi.yaml');
export const CONTRACT_JSON_PATH = join(import.meta.dirname, '__generated__/self-care.openapi.json');
export const ORIGINAL_PATH = join(import.meta.dirname, '../../schema/upstream/original.swagger.yaml');
export const ORIGINAL_JSON_PATH = join(import.meta.dirname, '__generated__/original.swagger.json');
