// The development signing key: an ES256 key pair kept in a local file (made on first use), so
// `npm run token` and a development gateway agree on tokens without any identity provider.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export const DEV_ALGORITHM = 'ES256';

export interface DevKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export async function loadDevKey(file: string): Promise<DevKey> {
  let jwk: JWK & { kid: string };
  try {
    jwk = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
    jwk = { ...(await exportJWK(privateKey)), kid: `dev-${Date.now().toString(36)}`, alg: DEV_ALGORITHM };
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  const { d: _private, ...publicJwk } = jwk;
  return {
    kid: jwk.kid,
    privateKey: (await importJWK(jwk, DEV_ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, DEV_ALGORITHM)) as CryptoKey,
  };
}
