import { addDays } from '../../shared/time.ts';
import type { Claim837, ClaimPayment, Remittance835 } from '../../shared/x12/x12-types.ts';
import { addPayment, addReversal, denial, payment, toRemittances } from './billing-demo-payments.ts';

/**
 * Believable billing history for the demo and the bench: claims from a practice's providers to
 * four payers with their own fee levels, patient shares, payment lags and denial habits, and the
 * weekly remittances that paid (or denied) them. Deterministic for a seed.
 */

export interface DemoProvider {
  npi: string;
  name: string;
  /** Rounds location names the provider sees patients at (the 837's service facility). */
  facilities: string[];
}

export interface DemoBillingInput {
  seed: number;
  /** First day of service, YYYY-MM-DD. */
  from: string;
  /** Days of service generated. */
  days: number;
  claimsPerDay: number;
  /** Nothing is paid or submitted after this day (the rest is A/R). */
  today: string;
  providers: DemoProvider[];
  /** Payer id that does not pay this provider (not credentialed): every claim denied CO-B7. */
  uncredentialed?: { payerId: string; npi: string };
}

export interface PayerProfile {
  id: string;
  name: string;
  share: number;
  allowed: number;
  copayCents: number;
  coinsurance: number;
  lagDays: [number, number];
  denialRate: number;
  denials: string[];
}

export const DEMO_PAYERS: PayerProfile[] = [
  {
    id: '15202',
    name: 'Medicare Part B (CGS)',
    share: 0.3,
    allowed: 0.52,
    copayCents: 0,
    coinsurance: 0.2,
    lagDays: [14, 18],
    denialRate: 0.05,
    denials: ['50', '16', '96'],
  },
  {
    id: 'OHMCD',
    name: 'Buckeye Health Plan (Medicaid)',
    share: 0.2,
    allowed: 0.42,
    copayCents: 0,
    coinsurance: 0,
    lagDays: [22, 38],
    denialRate: 0.13,
    denials: ['27', '16', '197', '27'],
  },
  {
    id: '00227',
    name: 'Anthem Blue Cross',
    share: 0.28,
    allowed: 0.68,
    copayCents: 2500,
    coinsurance: 0,
    lagDays: [16, 26],
    denialRate: 0.07,
    denials: ['197', '97', '22'],
  },
  {
    id: '60054',
    name: 'Aetna',
    share: 0.22,
    allowed: 0.61,
    copayCents: 3000,
    coinsurance: 0,
    lagDays: [25, 42],
    denialRate: 0.09,
    denials: ['29', '18', '31', '197'],
  },
];

const VISITS: [string, number, number][] = [
  ['99213', 14500, 40],
  ['99214', 21000, 25],
  ['99203', 18500, 8],
  ['99204', 26500, 5],
  ['99395', 24000, 8],
  ['99396', 25500, 6],
  ['99212', 9500, 8],
];
const ADD_ONS: [string, number, number][] = [
  ['36415', 1800, 0.3],
  ['87880', 4200, 0.1],
  ['93000', 6500, 0.05],
  ['81002', 1500, 0.12],
];
const LAST = [
  'Garcia',
  'Nguyen',
  'Patel',
  'Johnson',
  'Okafor',
  'Kowalski',
  'Smith',
  'Brown',
  'Schmidt',
  'Rossi',
  'Haddad',
  'Kim',
  'Lopez',
  'Murphy',
  'Fischer',
  'Ali',
  'Clark',
  'Wright',
  'Young',
  'Baker',
];
const FIRST = [
  'Ada',
  'Ben',
  'Carla',
  'Dmitri',
  'Eve',
  'Femi',
  'Grace',
  'Hugo',
  'Iris',
  'Jamal',
  'Keiko',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Pedro',
  'Quinn',
  'Rosa',
  'Sam',
  'Tara',
];

/** A small fast PRNG (mulberry32): the same seed gives the same practice history. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** The Friday on or after a day: payers here pay weekly. */
const nextFriday = (date: string) => addDays(date, (5 - weekday(date) + 7) % 7);

export interface DemoBilling {
  claims: Claim837[];
  remittances: Remittance835[];
}

/** A history of claims and the remittances that answered them, up to `today`. */
export function demoBilling(input: DemoBillingInput): DemoBilling {
  const rnd = random(input.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const between = ([lo, hi]: [number, number]) => lo + Math.floor(rnd() * (hi - lo + 1));
  const claims: Claim837[] = [];
  const payments = new Map<string, { payer: PayerProfile; date: string; claim: ClaimPayment }[]>();
  let n = 0;
  for (let d = 0; d < input.days; d++) {
    const day = addDays(input.from, d);
    if (weekday(day) === 0 || weekday(day) === 6 || day > input.today) continue;
    const count = Math.max(1, Math.round(input.claimsPerDay * (0.7 + rnd() * 0.6)));
    for (let i = 0; i < count; i++) {
      n++;
      const payer = pickPayer(rnd());
      const provider = pick(input.providers);
      const claim = makeClaim(`MS${String(n).padStart(7, '0')}`, day, payer, provider, rnd, pick);
      const submitted = addDays(day, between([1, 4]));
      if (submitted > input.today) continue;
      claims.push({ ...claim, submittedDate: submitted });
      const paidOn = nextFriday(addDays(submitted, between(payer.lagDays)));
      if (paidOn > input.today) continue;
      const blocked = input.uncredentialed?.payerId === payer.id && input.uncredentialed.npi === provider.npi;
      const denied = blocked || rnd() < payer.denialRate;
      const reason = blocked ? 'B7' : pick(payer.denials);
      const first = denied ? denial(claim, provider, reason) : payment(claim, provider, payer);
      addPayment(payments, payer, paidOn, first);
      // Half the denials are appealed and paid about six weeks later (never an uncredentialed one).
      if (denied && !blocked && rnd() < 0.5) {
        const appealPaid = nextFriday(addDays(paidOn, between([35, 50])));
        if (appealPaid <= input.today)
          addPayment(payments, payer, appealPaid, payment(claim, provider, payer));
      }
    }
  }
  const remittances = toRemittances(payments);
  addReversal(remittances);
  return { claims, remittances };
}

function pickPayer(r: number): PayerProfile {
  let acc = 0;
  for (const p of DEMO_PAYERS) {
    acc += p.share;
    if (r < acc) return p;
  }
  return DEMO_PAYERS[DEMO_PAYERS.length - 1]!;
}

function makeClaim(
  id: string,
  day: string,
  payer: PayerProfile,
  provider: DemoProvider,
  rnd: () => number,
  pick: <T>(l: readonly T[]) => T,
): Claim837 {
  const visit = weighted(VISITS, rnd());
  const lines = [{ code: visit[0], charge: visit[1] }];
  for (const [code, charge, chance] of ADD_ONS) if (rnd() < chance) lines.push({ code, charge });
  const patient = {
    lastName: pick(LAST),
    firstName: pick(FIRST),
    memberId: `${payer.id.slice(0, 2)}${Math.floor(rnd() * 1e9)}`,
    birthDate: `19${40 + Math.floor(rnd() * 60)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
  };
  return {
    claimId: id,
    chargeCents: lines.reduce((s, l) => s + l.charge, 0),
    submittedDate: day,
    placeOfService: '11',
    frequency: '1',
    payer: { id: payer.id, name: payer.name },
    patient,
    billingProvider: { npi: '1437246810', name: 'Maple Street Family Medicine' },
    renderingProvider: { npi: provider.npi, name: provider.name },
    facility: { name: pick(provider.facilities) },
    lines: lines.map((l, i) => ({
      lineNumber: i + 1,
      code: l.code,
      modifiers: [],
      chargeCents: l.charge,
      units: 1,
      serviceDate: day,
      lineControl: `${id}-${i + 1}`,
    })),
  };
}

function weighted(list: readonly [string, number, number][], r: number): [string, number, number] {
  const total = list.reduce((s, v) => s + v[2], 0);
  let acc = 0;
  for (const v of list) {
    acc += v[2] / total;
    if (r < acc) return v;
  }
  return list[list.length - 1]!;
}
