/**
 * Prints a development token signed with the local key (AUTH_DEV_KEY_FILE):
 *   npm run token -- --msisdn 50491234567 [--country hn] [--ttl 12h]
 *   npm run token -- --agent [name] [--ttl 12h]
 */
import { parseArgs } from 'node:util';
import { loadDevKey } from '../src/auth/keys.ts';
import { signDevToken } from '../src/auth/tokens.ts';
import { loadConfig } from '../src/config.ts';

const { values } = parseArgs({
  options: {
    msisdn: { type: 'string' },
    country: { type: 'string' },
    agent: { type: 'boolean' },
    name: { type: 'string', default: 'dev' },
    ttl: { type: 'string', default: '12h' },
  },
});
const { auth, production } = loadConfig().gateway;
if (production || auth.jwksUrl) {
  console.error(
    'npm run token signs with the local development key; this configuration checks tokens against AUTH_JWKS_URL.',
  );
  process.exit(1);
}
if (!values.agent && !/^[0-9]{8,15}$/.test(values.msisdn ?? '')) {
  console.error(
    'usage: npm run token -- --msisdn <8 to 15 digits> [--country hn] | --agent [--name x]  [--ttl 12h]',
  );
  process.exit(2);
}
const key = await loadDevKey(auth.devKeyFile);
const who = values.agent
  ? { agent: values.name }
  : { msisdn: values.msisdn as string, country: values.country };
console.log(await signDevToken(key, auth, who, values.ttl));
