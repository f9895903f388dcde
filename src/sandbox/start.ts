// Starts the sandbox from configuration and says where it is and which lines to try.
import type { SandboxConfig } from '../config.ts';
import { TOKEN_PATH } from './oauth.ts';
import { BASE_PATH, createSandbox, type Sandbox } from './server.ts';

export async function startSandbox(
  config: SandboxConfig,
  log = console.log,
): Promise<{ sandbox: Sandbox; url: string }> {
  const started = Date.now();
  let lastReport = 0;
  const sandbox = createSandbox({
    db: config.db,
    subscribers: config.subscribers,
    faults: { latencyMs: config.latencyMs, jitterMs: config.jitterMs, errorRate: config.errorRate },
    oauth: {
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      tokenTtlS: config.tokenTtlS,
      requireAuth: config.requireAuth,
    },
    onSeedProgress: ({ done, total }) => {
      if (total >= 100_000 && (Date.now() - lastReport > 2000 || done === total)) {
        lastReport = Date.now();
        log(`sandbox: seeding ${done.toLocaleString('en')} / ${total.toLocaleString('en')} subscribers`);
      }
    },
  });
  const url = await sandbox.listen(config.port);
  log(
    `sandbox: ${sandbox.subscribers.toLocaleString('en')} subscribers ready in ${Date.now() - started} ms (db ${config.db})`,
  );
  log(`sandbox: REST API at ${url}${BASE_PATH}/{country}`);
  log(`sandbox: demo lines at ${url}/__sandbox/demo`);
  log(
    `sandbox: OAuth 2.0 tokens at ${url}${TOKEN_PATH} for client ${config.clientId}` +
      (config.requireAuth ? ' (required by every operation)' : ' (not required)'),
  );
  for (const [name, line] of Object.entries(sandbox.demo)) {
    log(
      `  ${name.padEnd(15)} ${line.country} ${line.msisdn}   ${url}${BASE_PATH}/${line.country}/billing/subscribers/${line.msisdn}/status`,
    );
  }
  return { sandbox, url };
}
