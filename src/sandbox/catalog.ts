// Markets, plans and offers of the sandbox: the same catalog in every market, priced in its currency.

export interface Market {
  country: string;
  dialCode: string;
  /** Digits after the dial code, and the first digit mobile numbers there start with. */
  nationalDigits: number;
  mobilePrefix: string;
  currency: string;
  /** Local price of one catalog unit (about one US dollar). */
  unitPrice: number;
}

export const MARKETS: readonly Market[] = [
  { country: 'hn', dialCode: '504', nationalDigits: 8, mobilePrefix: '9', currency: 'HNL', unitPrice: 25 },
  { country: 'gt', dialCode: '502', nationalDigits: 8, mobilePrefix: '5', currency: 'GTQ', unitPrice: 8 },
  { country: 'sv', dialCode: '503', nationalDigits: 8, mobilePrefix: '7', currency: 'USD', unitPrice: 1 },
  { country: 'bo', dialCode: '591', nationalDigits: 8, mobilePrefix: '7', currency: 'BOB', unitPrice: 7 },
  { country: 'co', dialCode: '57', nationalDigits: 10, mobilePrefix: '3', currency: 'COP', unitPrice: 4000 },
  { country: 'py', dialCode: '595', nationalDigits: 9, mobilePrefix: '9', currency: 'PYG', unitPrice: 7500 },
  { country: 'ni', dialCode: '505', nationalDigits: 8, mobilePrefix: '8', currency: 'NIO', unitPrice: 37 },
  { country: 'pa', dialCode: '507', nationalDigits: 8, mobilePrefix: '6', currency: 'USD', unitPrice: 1 },
];

export interface PlanSeed {
  planId: string;
  name: string;
  units: number;
  dataMb: number;
  category: string;
  /** A plan a line can be on; additional-line plans are not. */
  base: boolean;
  retention: boolean;
  additional: boolean;
  isNew: boolean;
  offerings: {
    offeringCategory: string;
    offeringId: string;
    offeringDetailList: { name: string; value: string }[];
  }[];
}

const voice = (minutes: string) => ({
  offeringCategory: 'voice',
  offeringId: minutes === 'Ilimitado' ? 'Voz Ilimitado' : `Voz ${minutes} min`,
  offeringDetailList: [{ name: 'Minutos', value: minutes }],
});
const data = (mb: number) => ({
  offeringCategory: 'data',
  offeringId: `Datos ${mb >= 1024 ? `${mb / 1024}GB` : `${mb}MB`}`,
  offeringDetailList: [{ name: 'Megabytes', value: String(mb) }],
});
const sms = { offeringCategory: 'sms', offeringId: 'SMS Ilimitado', offeringDetailList: [] };

export const PLANS: readonly PlanSeed[] = [
  plan('801', 'Plan Conecta 2GB', 10, 2048, 'Plan Pospago', { base: true, isNew: true }),
  plan('802', 'Plan Conecta 5GB', 15, 5120, 'Plan Pospago', { base: true, isNew: true }),
  plan('803', 'Plan Conecta 10GB', 20, 10240, 'Plan Pospago', { base: true, retention: true }),
  plan('861', 'Todo Sin Limites 20GB', 30, 20480, 'Plan Sin Limite Hibrido', { base: true, retention: true }),
  plan('862', 'Todo Sin Limites 40GB', 45, 40960, 'Plan Sin Limite Hibrido', { base: true, isNew: true }),
  plan('863', 'Todo Sin Limites Ilimitado', 60, 102400, 'Plan Sin Limite Hibrido', { base: true }),
  plan('236', 'Linea Adicional 3GB', 8, 3072, 'Linea Adicional', { additional: true }),
  plan('237', 'Linea Adicional Familiar 8GB', 12, 8192, 'Linea Adicional', { additional: true }),
];

function plan(
  planId: string,
  name: string,
  units: number,
  dataMb: number,
  category: string,
  flags: Partial<Pick<PlanSeed, 'base' | 'retention' | 'additional' | 'isNew'>>,
): PlanSeed {
  const minutes = units >= 30 ? 'Ilimitado' : String(units * 25);
  return {
    planId,
    name,
    units,
    dataMb,
    category,
    base: flags.base ?? false,
    retention: flags.retention ?? false,
    additional: flags.additional ?? false,
    isNew: flags.isNew ?? false,
    offerings: units >= 30 ? [voice(minutes), data(dataMb), sms] : [voice(minutes), data(dataMb)],
  };
}

/** Plans a seeded line can be on. */
export const BASE_PLAN_IDS = PLANS.filter((p) => p.base).map((p) => p.planId);

export interface OfferSeed {
  offerId: string;
  name: string;
  description: string;
  validity: string;
  validityUnit: string;
  category: string;
  subcategory: string;
  rank: number;
  units: number;
  /** Channels that present the offer: 1 USSD, 2 SMS, 3 call centre, 4 Self Care web and app, 5 retail. */
  channels: number[];
  available: boolean;
  methods: { AcquisitionMethodId: number; AcquisitionMethodName: string }[];
}

const PREPAID = { AcquisitionMethodId: 1, AcquisitionMethodName: 'PREPAID' };
const NEXT_INVOICE = { AcquisitionMethodId: 2, AcquisitionMethodName: 'NEXT_INVOICE' };

export const OFFERS: readonly OfferSeed[] = [
  offer('104', 'Mas Internet 500MB', '1', 'Day', 'Paquetigos Datos', 'Internet', 1, 0.5, [1, 2, 4, 5]),
  offer('105', 'Mas Internet 2GB', '7', 'Day', 'Paquetigos Datos', 'Internet', 2, 2, [1, 2, 4, 5]),
  offer('106', 'Mas Internet 5GB', '1', 'Month', 'Paquetigos Datos', 'Internet', 3, 5, [1, 4, 5]),
  offer('201', 'WhatsApp Ilimitado', '7', 'Day', 'Paquetigos Apps', 'Redes Sociales', 4, 1, [1, 2, 4]),
  offer('202', 'Redes Sociales 3 Dias', '3', 'Day', 'Paquetigos Apps', 'Redes Sociales', 5, 1.5, [4]),
  offer('301', 'Minutos Ilimitados Tigo', '7', 'Day', 'Paquetigos Voz', 'Voz', 6, 2.5, [1, 3, 4]),
  offer('302', '100 Minutos USA y Canada', '1', 'Month', 'Paquetigos Voz', 'Internacional', 7, 4, [3, 4, 5]),
  offer('401', 'Paquete 200 SMS', '200', 'Slots', 'Paquetigos SMS', 'SMS', 8, 1, [1, 2]),
  offer('601', 'Netflix Estandar', '1', 'Month', 'Entretenimiento', 'Video', 9, 9, [4]),
  offer('501', 'Roaming Dia America', '1', 'Day', 'Roaming', 'Roaming', 10, 10, [3, 4], false),
];

function offer(
  offerId: string,
  name: string,
  validity: string,
  validityUnit: string,
  category: string,
  subcategory: string,
  rank: number,
  units: number,
  channels: number[],
  available = true,
): OfferSeed {
  return {
    offerId,
    name,
    description: `Has seleccionado ${name.toUpperCase()}, valido por ${validity} ${validityUnit}.`,
    validity,
    validityUnit,
    category,
    subcategory,
    rank,
    units,
    channels,
    available,
    methods: units >= 4 ? [NEXT_INVOICE] : [PREPAID, NEXT_INVOICE],
  };
}

/** Catalog prices: a unit in local money, kept to cents. */
export const price = (units: number, market: Market): number =>
  Math.round(units * market.unitPrice * 100) / 100;
