import { METRICS } from '../../shared/metrics.ts';
import type { PracticeSize, Region, Specialty } from '../../shared/schemas/tenants.ts';
import { localParts, monthsBetween, shiftMonth } from '../../shared/time.ts';
import { rollupAssociation } from '../platform/benchmarks/rollup.ts';
import { systemDb } from '../platform/db/system-db.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { snapshotRepo } from '../platform/metric-snapshots/snapshots.repo.ts';
import type { Platform } from '../platform/platform.ts';
import { join } from '../tenants/membership.service.ts';
import { signUp } from '../tenants/signup.service.ts';

/**
 * The demo association's other members: practices across specialties, regions and sizes with a
 * year of monthly measures, so the dashboard has real spread. Six family medicine practices sit
 * in the South Atlantic: a published cohort, as five more family medicine practices elsewhere
 * (without counting Maple Street, whose own months start later) and five more South Atlantic
 * practices keep its complements at five. Smaller cohorts show suppression.
 */
const MEMBERS: { name: string; specialty: Specialty; region: Region; size: PracticeSize }[] = [
  { name: 'Savannah Family Practice', specialty: 'family_medicine', region: 'south_atlantic', size: 'solo' },
  { name: 'Piedmont Family Medicine', specialty: 'family_medicine', region: 'south_atlantic', size: 'small' },
  { name: 'Tidewater Family Care', specialty: 'family_medicine', region: 'south_atlantic', size: 'small' },
  {
    name: 'Blue Ridge Family Physicians',
    specialty: 'family_medicine',
    region: 'south_atlantic',
    size: 'small',
  },
  {
    name: 'Coastal Carolina Family Health',
    specialty: 'family_medicine',
    region: 'south_atlantic',
    size: 'medium',
  },
  {
    name: 'Atlanta Family Medicine Group',
    specialty: 'family_medicine',
    region: 'south_atlantic',
    size: 'medium',
  },
  { name: 'Chesapeake Pediatrics', specialty: 'pediatrics', region: 'south_atlantic', size: 'small' },
  { name: 'Sunshine Kids Clinic', specialty: 'pediatrics', region: 'south_atlantic', size: 'medium' },
  {
    name: 'Charlotte Internal Medicine',
    specialty: 'internal_medicine',
    region: 'south_atlantic',
    size: 'small',
  },
  { name: 'Richmond Internists', specialty: 'internal_medicine', region: 'south_atlantic', size: 'medium' },
  { name: 'Palmetto Heart Center', specialty: 'cardiology', region: 'south_atlantic', size: 'medium' },
  {
    name: 'Lehigh Valley Family Medicine',
    specialty: 'family_medicine',
    region: 'mid_atlantic',
    size: 'small',
  },
  { name: 'Hudson Family Practice', specialty: 'family_medicine', region: 'mid_atlantic', size: 'medium' },
  { name: 'Cascade Family Health', specialty: 'family_medicine', region: 'pacific', size: 'small' },
  { name: 'Front Range Family Medicine', specialty: 'family_medicine', region: 'mountain', size: 'solo' },
  {
    name: 'Allegheny Internal Medicine',
    specialty: 'internal_medicine',
    region: 'mid_atlantic',
    size: 'small',
  },
  { name: 'Garden State Internists', specialty: 'internal_medicine', region: 'mid_atlantic', size: 'large' },
  { name: 'Bay Area Pediatrics', specialty: 'pediatrics', region: 'pacific', size: 'medium' },
  { name: 'Puget Sound Children’s Clinic', specialty: 'pediatrics', region: 'pacific', size: 'small' },
  { name: 'Green Mountain Women’s Health', specialty: 'ob_gyn', region: 'new_england', size: 'small' },
  { name: 'Gulf Coast Orthopedics', specialty: 'orthopedics', region: 'west_south_central', size: 'large' },
  {
    name: 'Hill Country Bone & Joint',
    specialty: 'orthopedics',
    region: 'west_south_central',
    size: 'medium',
  },
  {
    name: 'Prairie Family Medicine',
    specialty: 'family_medicine',
    region: 'west_north_central',
    size: 'small',
  },
  {
    name: 'Bluegrass Multispecialty Clinic',
    specialty: 'multispecialty',
    region: 'east_south_central',
    size: 'large',
  },
];

const PROVIDERS: Record<PracticeSize, number> = { solo: 1, small: 4, medium: 9, large: 18 };
/** Months of history: the year shown plus the trailing windows' reach. */
const HISTORY_MONTHS = 15;

/** Joins the listed practices (and any given ones without data of their own) and rolls up. */
export async function seedBenchmarkDemo(
  p: Platform,
  opts: { associationId: string; code: string; existing: { db: TenantDb; size: PracticeSize }[] },
): Promise<void> {
  const lastMonth = shiftMonth(localParts(p.clock.now().getTime(), 'America/New_York').date.slice(0, 7), -1);
  const months = monthsBetween(shiftMonth(lastMonth, -(HISTORY_MONTHS - 1)), lastMonth);
  let index = 0;
  for (const other of opts.existing) await storeMonths(other.db, other.size, months, index++);
  for (const spec of MEMBERS) {
    const slug = spec.name.toLowerCase().replace(/[^a-z]+/g, '');
    const result = await signUp(
      p,
      {
        kind: 'practice',
        practice: { ...spec, timeZone: 'America/New_York' },
        owner: {
          name: `Owner of ${spec.name}`,
          email: `owner@${slug.slice(0, 24)}.example`,
          password: 'Rounds-demo-2026!',
        },
      },
      'seed',
    );
    const db = systemDb(p, result.tenantId, { id: 'seed', name: 'Demo data' });
    await join(p, db, opts.code);
    await storeMonths(db, spec.size, months, index++);
  }
  await rollupAssociation(p, opts.associationId);
}

/** A year of every registered metric, with a practice-level level and month-to-month noise. */
async function storeMonths(db: TenantDb, size: PracticeSize, months: readonly string[], seed: number) {
  const random = mulberry32(seed * 7919 + 17);
  const practice = practiceProfile(size, random);
  const computedAt = db.now().toISOString();
  const ops = months.flatMap((month, i) => {
    const values = monthValues(practice, i, random);
    return METRICS.map((m) =>
      snapshotRepo.createOp(db, {
        month,
        metricId: m.id,
        module: m.module,
        version: m.version,
        value: values[m.id] ?? null,
        computedAt,
      }),
    );
  });
  for (let i = 0; i < ops.length; i += 92) {
    await db.write(ops.slice(i, i + 92), {
      action: 'metrics.month_snapshotted',
      entityType: 'metric_snapshot',
      entityId: 'demo',
      summary: 'Stored demo monthly metrics',
    });
  }
}

interface PracticeLevel {
  providers: number;
  /** 0 = best run, 1 = worst run: moves the rates together, as practices differ in practice. */
  drag: number;
  visitsPerProvider: number;
  chargePerVisit: number;
}

function practiceProfile(size: PracticeSize, random: () => number): PracticeLevel {
  return {
    providers: PROVIDERS[size] * (0.85 + random() * 0.3),
    drag: random(),
    visitsPerProvider: 290 + random() * 90,
    chargePerVisit: 170 + random() * 90,
  };
}

function monthValues(pr: PracticeLevel, monthIndex: number, random: () => number): Record<string, number> {
  const wobble = (spread: number) => 1 + (random() - 0.5) * spread;
  const season = 1 + 0.06 * Math.sin((monthIndex / 12) * 2 * Math.PI);
  const d = pr.drag;
  const between = (best: number, worst: number, spread = 0.2) => (best + (worst - best) * d) * wobble(spread);
  const visits = Math.round(pr.providers * pr.visitsPerProvider * season * wobble(0.1));
  const charges = Math.round(visits * pr.chargePerVisit * wobble(0.08) * 100) / 100;
  const gross = between(0.58, 0.38, 0.1);
  const arOver90 = between(0.08, 0.26);
  return {
    'scheduling.visits': visits,
    'scheduling.no_show_rate': between(0.035, 0.12),
    'scheduling.late_cancel_rate': between(0.02, 0.08),
    'scheduling.utilization': between(0.92, 0.66, 0.1),
    'scheduling.new_patients': Math.round(visits * between(0.11, 0.05)),
    'billing.days_in_ar': between(26, 55),
    'billing.ar_over_90': arOver90,
    'billing.ar_over_120': arOver90 * between(0.55, 0.75, 0.1),
    'billing.net_collection_rate': Math.min(1.02, between(0.985, 0.9, 0.04)),
    'billing.gross_collection_rate': gross,
    'billing.denial_rate': between(0.04, 0.16),
    'billing.denial_rate_dollars': between(0.05, 0.18),
    'billing.first_pass_rate': between(0.94, 0.78, 0.06),
    'billing.billing_lag': between(1.2, 7),
    'billing.payment_lag': between(14, 36),
    'billing.charges': charges,
    'billing.payments': Math.round(charges * gross * 100) / 100,
    'hr.staff_per_physician': between(3.2, 5.4, 0.05),
    'hr.turnover': Math.max(0, between(0.004, 0.035, 0.8)),
    'hr.time_off_liability': Math.round(pr.providers * 4.2 * 1650 * wobble(0.1)),
    'hr.overtime_share': Math.max(0, between(0.005, 0.06, 0.6)),
  };
}

/** A small seeded generator: the demo is the same on every start. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
