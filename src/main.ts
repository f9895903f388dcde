// `npm start`: the gateway on PORT; with no UPSTREAM_URL, the Self Care Sandbox starts in-process
// on SANDBOX_PORT and is the upstream. Outside production it prints tokens ready to use.
// First: src/runtime.ts sets the V8 flags before any other module runs.
import './runtime.ts';
import { loadDevKey } from './auth/keys.ts';
import { signDevToken } from './auth/tokens.ts';
import { ConfigError, loadConfig } from './config.ts';
import { BASE_PATH } from './contract/requests.ts';
import { createGateway } from './http/server.ts';
import { startTracing } from './observability/tracing.ts';
import { releaseStartupMemory } from './runtime.ts';
import { exitOnSignals } from './shutdown.ts';

try {
  const config = loadConfig();
  const { gateway: settings } = config;
  // The Sandbox and the Redis client load only when used: a deployment pays no memory for them.
  const sandbox = settings.upstreamUrl
    ? null
    : await (await import('./sandbox/start.ts')).startSandbox(config.sandbox);
  const upstreamUrl = settings.upstreamUrl ?? `${sandbox?.url}${BASE_PATH}/{country}`;
  const demoMsisdn = sandbox?.sandbox.demo.active?.msisdn ?? '50491234567';
  const devTokens = !settings.production && !settings.auth.disabled && !settings.auth.jwksUrl;
  const key = devTokens ? await loadDevKey(settings.auth.devKeyFile) : null;
  const token =
    key && (await signDevToken(key, settings.auth, { msisdn: demoMsisdn, country: settings.defaultCountry }));
  const stopTracing = await startTracing(settings);
  const shared = settings.redisUrl
    ? await (await import('./shared/redis.ts')).connectShared(settings.redisUrl)
    : undefined;
  const gateway = await createGateway({
    shared,
    config: settings,
    upstreamUrl,
    demo: { msisdn: demoMsisdn, token: token ?? undefined },
  });
  releaseStartupMemory();
  const url = await gateway.listen();
  console.log(`gateway: GraphQL at ${url}/graphql (upstream ${upstreamUrl})`);
  if (settings.restRouter)
    console.log(`gateway: REST at ${url}${BASE_PATH}/{country}/..., Swagger UI at ${url}/docs/`);
  if (!settings.production) console.log(`gateway: open ${url}/graphql in a browser for Apollo Sandbox`);
  if (key && token) {
    console.log(
      `gateway: a token for ${demoMsisdn} (its own line only; npm run token -- --msisdn N | --agent for others):`,
    );
    console.log(`  Authorization: Bearer ${token}`);
  }
  if (settings.auth.disabled)
    console.log('gateway: AUTH_DISABLED=true: every caller reaches every line (local work only)');
  exitOnSignals(async () => {
    await gateway.close();
    await shared?.close();
    await sandbox?.sandbox.close();
    await stopTracing();
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
