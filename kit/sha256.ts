// The hex SHA-256 of a text with Web Crypto, global in browsers and in Node: the hash automatic
// persisted queries send for a document (Apollo Client's PersistedQueryLink asks for one).
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
