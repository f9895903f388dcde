// `npm start`: the gateway on PORT; with no UPSTREAM_URL, the Self Care Sandbox starts in-process
// on SANDBOX_PORT and is the upstream.
import { ConfigError, loadConfig } from './config.ts';
import { createGateway } from './http/server.ts';
import { BASE_PATH } from './sandbox/server.ts';
import { startSandbox } from './sandbox/start.ts';
import { exitOnSignals } from './shutdown.ts';

try {
  const config = loadConfig();
  const sandbox = config.gateway.upstreamUrl ? null : await startSandbox(config.sandbox);
  const upstreamUrl = config.gateway.upstreamUrl ?? `${sandbox?.url}${BASE_PATH}/{country}`;
  const gateway = await createGateway({
    config: config.gateway,
    upstreamUrl,
    demoMsisdn: sandbox?.sandbox.demo.active?.msisdn,
  });
  const url = await gateway.listen();
  console.log(`gateway: GraphQL at ${url}/graphql (upstream ${upstreamUrl})`);
  if (!config.gateway.production) console.log(`gateway: open ${url}/graphql in a browser for Apollo Sandbox`);
  exitOnSignals(async () => {
    await gateway.close();
    await sandbox?.sandbox.close();
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
