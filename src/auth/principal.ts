// Who a request acts for, once its token is checked: a leaf, so the token cache, the guard and the
// GraphQL context can all name it without importing the authenticator.
export interface Principal {
  /** The token's subject; rate limits and caches are keyed by it. */
  subject: string;
  /** The one line a subscriber token may reach (E.164 digits), or null. */
  msisdn: string | null;
  /** The market of that line, when the token names it. */
  country: string | null;
  /** An agent reaches any line. */
  agent: boolean;
}
