// The sandbox's SQLite database: its tables, and how it is opened.
import { DatabaseSync } from 'node:sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE IF NOT EXISTS plans (
  country TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  name TEXT NOT NULL,
  monthly_amount REAL NOT NULL,
  currency TEXT NOT NULL,
  data_mb INTEGER NOT NULL,
  category TEXT NOT NULL,
  rank INTEGER NOT NULL,
  is_base INTEGER NOT NULL,
  is_retention INTEGER NOT NULL,
  is_additional INTEGER NOT NULL,
  is_new INTEGER NOT NULL,
  offerings TEXT NOT NULL,
  PRIMARY KEY (country, plan_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS offers (
  country TEXT NOT NULL,
  offer_id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  validity TEXT NOT NULL,
  validity_unit TEXT NOT NULL,
  category TEXT NOT NULL,
  subcategory TEXT NOT NULL,
  rank INTEGER NOT NULL,
  amount REAL NOT NULL,
  currency TEXT NOT NULL,
  channels TEXT NOT NULL,
  available INTEGER NOT NULL,
  methods TEXT NOT NULL,
  PRIMARY KEY (country, offer_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS subscribers (
  msisdn TEXT PRIMARY KEY,
  country TEXT NOT NULL,
  sim_status TEXT NOT NULL,
  imei_status TEXT NOT NULL,
  status_reason TEXT,
  plan_id TEXT NOT NULL,
  usage_tier INTEGER NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS favorites (
  msisdn TEXT NOT NULL,
  phone_number TEXT NOT NULL,
  expiration_date TEXT,
  label TEXT,
  plan_code TEXT,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (msisdn, phone_number)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS acquired_offers (
  msisdn TEXT NOT NULL,
  offer_id TEXT NOT NULL,
  acquired_at TEXT NOT NULL,
  PRIMARY KEY (msisdn, offer_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS leases (
  msisdn TEXT PRIMARY KEY,
  clause_id TEXT NOT NULL,
  type_clause_id TEXT NOT NULL,
  last_billing_date TEXT NOT NULL,
  next_renewal_date TEXT NOT NULL,
  imei TEXT NOT NULL,
  gama TEXT NOT NULL,
  brand TEXT NOT NULL,
  model TEXT NOT NULL,
  insurance TEXT NOT NULL,
  status TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS upgrade_requests (
  id INTEGER PRIMARY KEY,
  msisdn TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('PENDING', 'COMPLETED')),
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS one_pending_upgrade ON upgrade_requests (msisdn) WHERE status = 'PENDING';

CREATE TABLE IF NOT EXISTS subscription_requests (
  id INTEGER PRIMARY KEY,
  msisdn TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS subscription_requests_by_msisdn ON subscription_requests (msisdn);
`;

export function openDatabase(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  // WAL keeps readers going during a write; NORMAL sync is the usual pairing for it.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
  db.exec(SCHEMA);
  return db;
}

/** Runs `work` in one transaction: all of it is written, or none of it. */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
