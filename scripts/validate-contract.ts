/**
 * Validates the upstream contract: OpenAPI 3.1 schema validation, Ajv compilation of every
 * component schema, and validation of every example against its schema.
 *
 * Usage: node scripts/validate-contract.ts [path/to/contract.yaml]
 * Exits 1 and prints the errors when the contract is invalid.
 */
import { CONTRACT_PATH, checkContract, loadContract } from './contract-check.ts';

const path = process.argv[2] ?? CONTRACT_PATH;
const report = await checkContract(await loadContract(path));

if (report.errors.length > 0) {
  console.error(`contract invalid: ${path}`);
  for (const error of report.errors) console.error(`  - ${error}`);
  process.exitCode = 1;
} else {
  console.log(`contract valid: ${report.operations} operations on ${report.paths} paths`);
}
