import type { PracticeRole, Role } from '../../shared/roles.ts';
import { DEFAULT_HOURS, type PracticeProfile } from '../../shared/schemas/tenants.ts';
import { METRIC_MODULES } from '../jobs/jobs.ts';
import { systemDb } from '../platform/db/system-db.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import type { AuthContext } from '../platform/identity/verifier.ts';
import { snapshotPractice } from '../platform/metric-snapshots/metric-snapshots.ts';
import type { Platform } from '../platform/platform.ts';
import { createInviteCode, join } from '../tenants/membership.service.ts';
import { createLocation } from '../tenants/settings.service.ts';
import { signUp } from '../tenants/signup.service.ts';
import { acceptInvite, inviteUser } from '../tenants/team.service.ts';
import { directoryRepo } from '../tenants/tenants.repo.ts';
import { markMigrationsDone } from './migration-runner.ts';
import { allMigrations } from './migrations.ts';
import { seedBenchmarkDemo } from './seed-benchmarks.ts';
import { seedBilling } from './seed-billing.ts';
import { seedBillingFiles } from './seed-billing-files.ts';
import { seedDocuments } from './seed-documents.ts';
import { seedHr } from './seed-hr.ts';
import { seedLeave } from './seed-hr-leave.ts';
import { seedHrMeetings } from './seed-hr-meetings.ts';
import { seedPayroll } from './seed-hr-payroll.ts';
import { seedHrPeople } from './seed-hr-people.ts';
import { seedLogo } from './seed-logo.ts';
import { seedSchedule } from './seed-schedule.ts';
import { seedToday } from './seed-today.ts';

export const DEMO_PASSWORD = 'Rounds-demo-2026!';
export const DEMO_LOGINS = [
  { email: 'owner@maplestreet.example', who: 'Practice owner, Maple Street Family Medicine' },
  { email: 'manager@maplestreet.example', who: 'Practice manager' },
  { email: 'frontdesk@maplestreet.example', who: 'Front desk staff' },
  { email: 'admin@ohioassoc.example', who: 'Association admin, Ohio Valley Practice Association' },
] as const;

const MAPLE_TEAM: { name: string; email: string; role: Role }[] = [
  { name: 'Maria Lopez', email: 'manager@maplestreet.example', role: 'manager' },
  { name: 'Dr. Priya Raman', email: 'praman@maplestreet.example', role: 'provider' },
  { name: 'Dr. Marcus Chen', email: 'mchen@maplestreet.example', role: 'provider' },
  { name: 'Dr. Elena Alvarez', email: 'ealvarez@maplestreet.example', role: 'provider' },
  { name: 'Jordan Ellis, NP', email: 'jellis@maplestreet.example', role: 'provider' },
  { name: 'Kim Nguyen', email: 'frontdesk@maplestreet.example', role: 'staff' },
  { name: 'Luis Ortega', email: 'lortega@maplestreet.example', role: 'staff' },
  { name: 'Hannah Price', email: 'hprice@maplestreet.example', role: 'staff' },
  { name: 'DeShawn Carter', email: 'dcarter@maplestreet.example', role: 'staff' },
  { name: 'Rosa Diaz', email: 'rdiaz@maplestreet.example', role: 'staff' },
  { name: 'Tom Becker', email: 'billing@maplestreet.example', role: 'billing' },
  { name: 'Grace Kim', email: 'gkim@maplestreet.example', role: 'billing' },
];

const OTHER_PRACTICES: (Pick<PracticeProfile, 'name' | 'specialty' | 'size'> & {
  owner: string;
  email: string;
})[] = [
  {
    name: 'Riverside Pediatrics',
    specialty: 'pediatrics',
    size: 'medium',
    owner: 'Dr. Sam Patel',
    email: 'owner@riverside.example',
  },
  {
    name: 'Buckeye Internal Medicine',
    specialty: 'internal_medicine',
    size: 'small',
    owner: 'Dr. Lisa Grant',
    email: 'owner@buckeyeim.example',
  },
  {
    name: "Lakeshore Women's Health",
    specialty: 'ob_gyn',
    size: 'medium',
    owner: 'Dr. Nora Webb',
    email: 'owner@lakeshore.example',
  },
  {
    name: 'Scioto Dermatology',
    specialty: 'dermatology',
    size: 'small',
    owner: 'Dr. Ian Brooks',
    email: 'owner@scioto.example',
  },
  {
    name: 'Heartland Cardiology Associates',
    specialty: 'cardiology',
    size: 'large',
    owner: 'Dr. Ruth Adler',
    email: 'owner@heartland.example',
  },
];

/** True when the demo tenants already exist (a second start keeps the data). */
export async function isSeeded(p: Platform): Promise<boolean> {
  return Boolean(await directoryRepo.get(p.store, DEMO_LOGINS[0].email));
}

/**
 * Seeds the demo through the same service functions the API uses, so the demo data is
 * validated by the same rules as a real practice's.
 */
export async function seedDemo(p: Platform, origin: string): Promise<void> {
  // Written by this version's code, the demo already has what every backfill would add.
  await markMigrationsDone(p.store, allMigrations(), p.clock.now().toISOString());
  const rid = 'seed';
  const maple = await practice(p, {
    name: 'Maple Street Family Medicine',
    specialty: 'family_medicine',
    size: 'small',
    owner: 'Dana Whitaker',
    email: DEMO_LOGINS[0].email,
  });
  await seedLogo(p, maple.db);
  const mainClinic = await createLocation(maple.db, {
    name: 'Main Street Clinic',
    address: { line1: '412 Maple Street', city: 'Columbus', state: 'OH', postalCode: '43215' },
    phone: '(614) 555-0142',
    timeZone: 'America/New_York',
    hours: DEFAULT_HOURS,
  });
  const westClinic = await createLocation(maple.db, {
    name: 'Westside Clinic',
    address: {
      line1: '88 Sawmill Road',
      line2: 'Suite 200',
      city: 'Dublin',
      state: 'OH',
      postalCode: '43017',
    },
    phone: '(614) 555-0199',
    timeZone: 'America/New_York',
    hours: { ...DEFAULT_HOURS, sat: { closed: false, opens: '09:00', closes: '13:00' } },
  });
  const userIds = new Map<string, string>();
  for (const member of MAPLE_TEAM) {
    const { acceptToken } = await inviteUser(
      p,
      maple.db,
      maple.auth,
      { email: member.email, role: member.role, name: member.name },
      origin,
    );
    const { userId } = await acceptInvite(
      p,
      { token: acceptToken, name: member.name, password: DEMO_PASSWORD },
      rid,
    );
    userIds.set(member.email, userId);
  }

  // Patients joined over the past months, so the new-patients chart has history on first start.
  const mapleBefore = (days: number) =>
    new TenantDb(p.store, maple.db, maple.db.actor, 'seed', {
      now: () => new Date(p.clock.now().getTime() - days * 86_400_000),
    });
  await seedSchedule(maple.db, [mainClinic, westClinic], userIds, mapleBefore);
  await seedToday(
    p,
    maple.db,
    {
      manager: userIds.get('manager@maplestreet.example')!,
      frontDesk: userIds.get('frontdesk@maplestreet.example')!,
    },
    'America/New_York',
  );
  const team = MAPLE_TEAM.map((m) => ({
    userId: userIds.get(m.email)!,
    name: m.name,
    role: m.role as PracticeRole,
  }));
  await seedDocuments(p, maple.db, {
    owner: { userId: maple.auth.userId, name: 'Dana Whitaker', role: 'owner' },
    manager: team.find((m) => m.role === 'manager')!,
    team,
  });
  const hrTeam = MAPLE_TEAM.map((m) => ({ ...m, userId: userIds.get(m.email)! }));
  const staffIds = await seedHr(
    p,
    maple.db,
    { userId: maple.auth.userId, name: 'Dana Whitaker', email: DEMO_LOGINS[0].email, role: 'owner' },
    hrTeam,
    { main: mainClinic.id, west: westClinic.id },
    'America/New_York',
  );
  const maria = hrTeam.find((m) => m.role === 'manager')!;
  await seedHrMeetings(p, maple.db, maria, hrTeam, staffIds, { main: mainClinic.id }, 'America/New_York');
  await seedHrPeople(
    p,
    maple.db,
    { userId: maple.auth.userId, name: 'Dana Whitaker', email: DEMO_LOGINS[0].email, role: 'owner' },
    hrTeam,
    staffIds,
    'America/New_York',
  );
  await seedPayroll(p, maple.db, maria, 'America/New_York');
  await seedLeave(p, maple.db, maria, 'America/New_York');
  const billers = team.filter((m) => m.role === 'billing');
  const lastMonth = await seedBilling(maple.db, 'America/New_York', billers, userIds);
  // The month's files just imported, kept in Documents by the billing staff to import again.
  await seedBillingFiles(
    p.files,
    new TenantDb(p.store, maple.db, billers[0] ?? maple.db.actor, 'seed', p.clock),
    [lastMonth.claims, lastMonth.remittances],
  );
  // The monthly job runs at 02:00 local; the demo's reports page should have its months on first start.
  await snapshotPractice(
    systemDb(p, maple.db.tenantId, { id: 'metric-snapshots', name: 'Monthly metrics' }),
    'America/New_York',
    METRIC_MODULES,
  );

  const assoc = await signUp(
    p,
    {
      kind: 'association',
      association: {
        name: 'Ohio Valley Practice Association',
        region: 'east_north_central',
        timeZone: 'America/New_York',
      },
      owner: { name: 'Carol Jennings', email: DEMO_LOGINS[3].email, password: DEMO_PASSWORD },
    },
    rid,
  );
  const assocAuth = authFor(assoc.tenantId, assoc.userId, 'association', 'assoc_admin', 'Carol Jennings');
  const assocDb = dbFor(p, assocAuth);
  const { acceptToken } = await inviteUser(
    p,
    assocDb,
    assocAuth,
    { email: 'analyst@ohioassoc.example', role: 'analyst', name: 'Ben Ortiz' },
    origin,
  );
  await acceptInvite(p, { token: acceptToken, name: 'Ben Ortiz', password: DEMO_PASSWORD }, rid);
  const code = await createInviteCode(assocDb, { expiresInDays: 30, maxUses: 40 });

  const others = [];
  for (const other of OTHER_PRACTICES) others.push({ ...(await practice(p, other)), size: other.size });
  for (const member of [maple, ...others]) await join(p, member.db, code.code);
  await seedBenchmarkDemo(p, { associationId: assoc.tenantId, code: code.code, existing: others });
}

async function practice(p: Platform, spec: (typeof OTHER_PRACTICES)[number]) {
  const result = await signUp(
    p,
    {
      kind: 'practice',
      practice: {
        name: spec.name,
        specialty: spec.specialty,
        size: spec.size,
        region: 'east_north_central',
        timeZone: 'America/New_York',
      },
      owner: { name: spec.owner, email: spec.email, password: DEMO_PASSWORD },
    },
    'seed',
  );
  const auth = authFor(result.tenantId, result.userId, 'practice', 'owner', spec.owner);
  return { auth, db: dbFor(p, auth) };
}

function authFor(
  tenantId: string,
  userId: string,
  tenantKind: AuthContext['tenantKind'],
  role: Role,
  name: string,
): AuthContext {
  return { tenantId, userId, tenantKind, role, name };
}

function dbFor(p: Platform, auth: AuthContext): TenantDb {
  return new TenantDb(
    p.store,
    auth,
    { userId: auth.userId, name: auth.name, role: auth.role },
    'seed',
    p.clock,
  );
}
