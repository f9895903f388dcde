/**
 * `npm run attack`: issue 15's attacks over HTTP, printed as a table (scripts/attack/attacks.ts, the
 * same attacks test/integration/attacks-process.test.ts asserts).
 *
 * With no --url it starts its own target as deployments run it: the Sandbox, a JWKS on loopback and
 * `node src/main.ts` with NODE_ENV=production (scripts/attack/local.ts), and runs every attack.
 * With --url it attacks a running gateway over a Sandbox (--sandbox, for the demo lines, call counts
 * and faults), signing tokens with the key of --key-file (the gateway's AUTH_DEV_KEY_FILE outside
 * production, or the key its JWKS publishes); the JWKS outage is skipped (this script does not run
 * that identity provider). The gateway's settings the attacks depend on are given as options.
 *
 * Usage: npm run attack -- [--url http://127.0.0.1:4000 --sandbox http://127.0.0.1:4010
 *                           [--key-file .dev-auth/jwk.json] [--request-timeout-ms 30000]
 *                           [--auth-failure-max 300] [--upstream-max-sockets 64]] [--only 1,6]
 *   --only   the attacks of these findings only
 * Exits 1 when an attack was not held.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { ATTACKS, type Outcome, type Target } from './attack/attacks.ts';
import { signerOf, startLocalTarget } from './attack/local.ts';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    sandbox: { type: 'string' },
    'key-file': { type: 'string' },
    'request-timeout-ms': { type: 'string' },
    'auth-failure-max': { type: 'string' },
    'upstream-max-sockets': { type: 'string' },
    only: { type: 'string' },
  },
});

async function remoteTarget(url: string): Promise<Target> {
  if (!args.sandbox) throw new Error('--url needs --sandbox, the origin of its Sandbox');
  // The gateway's defaults, unless the options say otherwise.
  const { gateway } = loadConfig({});
  const number = (option: string | undefined, fallback: number) => (option ? Number(option) : fallback);
  return {
    url: url.replace(/\/$/, ''),
    sandbox: args.sandbox.replace(/\/$/, ''),
    sign: await signerOf(args['key-file'] ?? gateway.auth.devKeyFile),
    agentScope: gateway.auth.agentScope,
    requestTimeoutMs: number(args['request-timeout-ms'], gateway.requestTimeoutMs),
    authFailureMax: number(args['auth-failure-max'], gateway.limits.authFailureMax),
    upstreamMaxSockets: number(args['upstream-max-sockets'], gateway.upstreamMaxSockets),
  };
}

const local = args.url ? null : await startLocalTarget();
const target = local ?? (await remoteTarget(args.url as string));
console.log(`attack: ${target.url} over the Sandbox at ${target.sandbox}\n`);
console.log('| # | attack | expected | answer | measured | held |');
console.log('| ---: | --- | --- | --- | --- | --- |');
let failed = 0;
try {
  const only = args.only?.split(',').map(Number);
  for (const attack of ATTACKS.filter((a) => !only || only.includes(a.finding))) {
    const outcome = await attack.run(target).catch(
      (error: Error): Outcome => ({
        answer: `failed: ${error.message}`,
        problems: [error.message],
      }),
    );
    const row =
      outcome === 'skipped'
        ? ['—', '—', 'skipped']
        : [
            outcome.answer,
            outcome.figure ?? '',
            outcome.problems.length === 0 ? 'yes' : `**no**: ${outcome.problems.join('; ')}`,
          ];
    if (outcome !== 'skipped' && outcome.problems.length > 0) failed++;
    console.log(`| ${attack.finding} | ${attack.name} | ${attack.expected} | ${row.join(' | ')} |`);
  }
} finally {
  await local?.close();
}
process.exitCode = failed > 0 ? 1 : 0;
