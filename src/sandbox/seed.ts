// The deterministic seed: subscriber N is always the same line, whatever the seed size, and is
// written straight to SQLite in batches, so a million lines never sit in memory at once.
import type { DatabaseSync } from 'node:sqlite';
import { BASE_PLAN_IDS, MARKETS, type Market, OFFERS, PLANS, price } from './catalog.ts';
import { transaction } from './db.ts';
import { hash32 } from './hash.ts';

export const FAVORITE_SLOTS = 5;
const BATCH = 10_000;

/** Lines with a known shape, for demos and tests: index in the seed → case name. */
export const DEMO_CASES = {
  active: 0,
  blocked: 8,
  noLease: 16,
  favoritesFull: 24,
  pendingUpgrade: 32,
  heavyUser: 40,
  deviceBlocked: 48,
} as const;
export type DemoCase = keyof typeof DEMO_CASES;
const demoByIndex = new Map<number, DemoCase>(
  Object.entries(DEMO_CASES).map(([name, index]) => [index, name as DemoCase]),
);

const FIRST = [
  'Karen',
  'Jose',
  'Maria',
  'Luis',
  'Ana',
  'Carlos',
  'Sofia',
  'Jorge',
  'Lucia',
  'Diego',
  'Elena',
  'Marco',
];
const LAST = [
  'Aguilar',
  'Lopez',
  'Martinez',
  'Hernandez',
  'Garcia',
  'Rodriguez',
  'Flores',
  'Castillo',
  'Mejia',
];
const LABELS = ['Mama', 'Papa', 'Casa', 'Trabajo', 'Pareja', 'Hermano', 'Oficina', 'Abuela'];
const DEVICES = [
  ['Samsung', 'Galaxy A55', 'Gama Media'],
  ['Apple', 'iPhone 15', 'Gama Alta'],
  ['Motorola', 'Moto G84', 'Gama Media'],
  ['Xiaomi', 'Redmi Note 13', 'Gama Baja'],
  ['LG', 'LG G5 LTE', 'Gama Media'],
] as const;

const marketOf = (index: number): Market => MARKETS[index % MARKETS.length] as Market;

/** A unique, random-looking mobile number per index: a bijection on the national number space. */
export function msisdnOf(index: number): { msisdn: string; market: Market } {
  const market = marketOf(index);
  const serial = Math.floor(index / MARKETS.length);
  const span = 10 ** (market.nationalDigits - 1);
  // 7919 is prime and shares no factor with a power of ten, so this visits every number once.
  const scrambled = (serial * 7919 + 1_234_567) % span;
  return {
    msisdn:
      market.dialCode + market.mobilePrefix + String(scrambled).padStart(market.nationalDigits - 1, '0'),
    market,
  };
}

function otherNumber(market: Market, seed: number): string {
  const span = 10 ** (market.nationalDigits - 1);
  return market.dialCode + market.mobilePrefix + String(seed % span).padStart(market.nationalDigits - 1, '0');
}

function luhnImei(seed: number): string {
  const body = `35${String(seed).padStart(10, '0')}${String(hash32(seed, 7) % 1000).padStart(3, '0')}`.slice(
    0,
    14,
  );
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

export interface SeedProgress {
  done: number;
  total: number;
}

const TABLES = [
  'meta',
  'plans',
  'offers',
  'subscribers',
  'favorites',
  'acquired_offers',
  'leases',
  'upgrade_requests',
  'subscription_requests',
];

/**
 * Seeds the database. One that holds a finished seed is left as it is; the remains of an
 * interrupted one are cleared first. Dates are relative to the day of `now`.
 */
export function seed(
  db: DatabaseSync,
  subscribers: number,
  onProgress?: (progress: SeedProgress) => void,
  now: number = Date.now(),
): { seeded: boolean; subscribers: number } {
  const existing = db.prepare("SELECT value FROM meta WHERE key = 'subscribers'").get() as
    | { value: string }
    | undefined;
  if (existing) return { seeded: false, subscribers: Number(existing.value) };

  const today = Math.floor(now / DAY_MS) * DAY_MS;
  transaction(db, () => {
    for (const table of TABLES) db.exec(`DELETE FROM ${table}`);
    seedCatalog(db);
    db.prepare("INSERT INTO meta (key, value) VALUES ('seeded_at', ?)").run(new Date(today).toISOString());
  });

  const insertSubscriber = db.prepare(
    'INSERT INTO subscribers (msisdn, country, sim_status, imei_status, status_reason, plan_id, usage_tier, name, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFavorite = db.prepare(
    'INSERT OR IGNORE INTO favorites (msisdn, phone_number, expiration_date, label, plan_code, added_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertLease = db.prepare(
    'INSERT INTO leases (msisdn, clause_id, type_clause_id, last_billing_date, next_renewal_date, imei, gama, brand, model, insurance, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertUpgrade = db.prepare(
    "INSERT INTO upgrade_requests (msisdn, plan_id, body, status, created_at) VALUES (?, ?, ?, 'PENDING', ?)",
  );
  const insertAcquired = db.prepare(
    'INSERT INTO acquired_offers (msisdn, offer_id, acquired_at) VALUES (?, ?, ?)',
  );

  for (let start = 0; start < subscribers; start += BATCH) {
    const end = Math.min(subscribers, start + BATCH);
    transaction(db, () => {
      for (let index = start; index < end; index++) {
        const { msisdn, market } = msisdnOf(index);
        const demo = demoByIndex.get(index);
        const h = hash32(index, 1);
        const roll = h % 100;
        const simBlocked = demo ? demo === 'blocked' : roll < 3;
        const imeiBlocked = demo ? demo === 'blocked' || demo === 'deviceBlocked' : roll < 5;
        const planId = demo ? '802' : (BASE_PLAN_IDS[(h >>> 8) % BASE_PLAN_IDS.length] as string);
        const favorites =
          demo === 'favoritesFull' ? FAVORITE_SLOTS : demo ? 2 : (h >>> 12) % (FAVORITE_SLOTS + 1);
        const hasLease = demo ? demo !== 'noLease' : (h >>> 16) % 10 < 7;
        const pendingUpgrade = demo ? demo === 'pendingUpgrade' : (h >>> 20) % 10 === 0 && planId !== '863';
        const tier = demo === 'heavyUser' ? 2 : demo ? 1 : (h >>> 24) % 3;
        const first = FIRST[h % FIRST.length] as string;
        const last = LAST[(h >>> 4) % LAST.length] as string;

        insertSubscriber.run(
          msisdn,
          market.country,
          simBlocked ? 'Blocked' : 'Active',
          imeiBlocked ? 'Blocked' : 'Active',
          simBlocked || imeiBlocked ? 'Robo de equipo' : null,
          planId,
          tier,
          `${first} ${last}`,
          `${first}.${last}${index}@correo.example`.toLowerCase(),
        );
        for (let f = 0; f < favorites; f++) {
          const fh = hash32(index, 100 + f);
          insertFavorite.run(
            msisdn,
            otherNumber(market, fh),
            f === 1 ? isoDay(today + 365 * DAY_MS) : null,
            LABELS[fh % LABELS.length] as string,
            f === 0 ? planId : null,
            f,
          );
        }
        if (hasLease) {
          const lh = hash32(index, 2);
          const [brand, model, gama] = DEVICES[lh % DEVICES.length] as (typeof DEVICES)[number];
          insertLease.run(
            msisdn,
            String(1000 + (lh % 9000)),
            lh % 2 === 0 ? '18M' : '24M',
            isoDay(today - (lh % 28) * DAY_MS),
            isoDay(today + (30 + (lh % 700)) * DAY_MS),
            luhnImei(lh),
            gama,
            brand,
            model,
            lh % 3 === 0 ? 'Si' : 'No',
            'ACTIVE',
          );
        }
        if (pendingUpgrade) {
          const body = { planId: '863', planName: 'Todo Sin Limites Ilimitado', fromPlan: 'TigoApp' };
          insertUpgrade.run(msisdn, '863', JSON.stringify(body), new Date(today - DAY_MS).toISOString());
        }
        if (!demo && (h >>> 28) % 4 === 0) insertAcquired.run(msisdn, '104', new Date(today).toISOString());
      }
    });
    onProgress?.({ done: end, total: subscribers });
  }
  db.prepare("INSERT INTO meta (key, value) VALUES ('subscribers', ?)").run(String(subscribers));
  return { seeded: true, subscribers };
}

function seedCatalog(db: DatabaseSync): void {
  const insertPlan = db.prepare(
    'INSERT INTO plans (country, plan_id, name, monthly_amount, currency, data_mb, category, rank, is_base, is_retention, is_additional, is_new, offerings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertOffer = db.prepare(
    'INSERT INTO offers (country, offer_id, name, description, validity, validity_unit, category, subcategory, rank, amount, currency, channels, available, methods) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const market of MARKETS) {
    PLANS.forEach((p, rank) => {
      insertPlan.run(
        market.country,
        p.planId,
        p.name,
        price(p.units, market),
        market.currency,
        p.dataMb,
        p.category,
        rank,
        Number(p.base),
        Number(p.retention),
        Number(p.additional),
        Number(p.isNew),
        JSON.stringify(p.offerings),
      );
    });
    for (const o of OFFERS) {
      insertOffer.run(
        market.country,
        o.offerId,
        o.name,
        o.description,
        o.validity,
        o.validityUnit,
        o.category,
        o.subcategory,
        o.rank,
        price(o.units, market),
        market.currency,
        `,${o.channels.join(',')},`,
        Number(o.available),
        JSON.stringify(o.methods),
      );
    }
  }
}
