// What an operation handler gets and gives: validated input in, the success body out.
// Refusals are thrown as ApiError; the server renders them with the operation's error body.
import type { DatabaseSync } from 'node:sqlite';
import type { OperationId } from '../../contract/wire.ts';

export interface OperationInput {
  country: string;
  msisdn: string;
  /** Path and query parameters, checked against the contract and completed with its defaults. */
  params: Record<string, unknown>;
  /** The request body, checked against the contract. */
  body: unknown;
  now: number;
}

export type Handler = (input: OperationInput) => unknown;
export type Handlers<K extends OperationId> = Record<K, Handler>;

export interface Subscriber {
  msisdn: string;
  country: string;
  sim_status: 'Active' | 'Blocked';
  imei_status: 'Active' | 'Blocked';
  status_reason: string | null;
  plan_id: string;
  usage_tier: number;
  name: string;
  email: string;
}

export interface Deps {
  db: DatabaseSync;
  /** The line, or a 404 refusal. */
  subscriber: (country: string, msisdn: string) => Subscriber;
}
