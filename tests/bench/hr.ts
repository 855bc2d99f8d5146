import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { weekView } from '../../functions/hr/shifts.service.ts';
import type { LocalServer } from '../../functions/local/server.ts';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { Store } from '../../functions/platform/db/store.ts';
import { TenantDb } from '../../functions/platform/db/tenant-db.ts';
import { DEFAULT_HOURS } from '../../shared/schemas/tenants.ts';
import { addDays } from '../../shared/time.ts';
import { countingClient } from './counting-client.ts';

/**
 * HR's week of shifts with coverage, for a location with 40 staff and 10 providers: DynamoDB calls
 * and items read per view (bounded by the week, not by the practice's history), and the API's p50
 * beside a raw Query of the week's shifts.
 */

const STAFF = 40;
const PROVIDERS = 10;
const VISITS_PER_PROVIDER_DAY = 6;
const READS = 100;
/** A Monday well ahead of the demo's data. */
const WEEK = '2027-09-06';
const ROLES = ['medical_assistant', 'front_desk', 'nurse', 'billing'] as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Builds the practice through the API, as a manager would. */
async function buildPractice(url: string) {
  const call = async (token: string | undefined, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = res.status === 204 ? undefined : await res.json();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const email = `bench-hr-${Date.now()}@example.test`;
  const signup = await call(undefined, 'POST', '/signup', {
    kind: 'practice',
    practice: {
      name: 'Bench HR Clinic',
      specialty: 'family_medicine',
      region: 'pacific',
      size: 'large',
      timeZone: 'America/New_York',
    },
    owner: { name: 'Bea Bench', email, password: 'Bench-password-2027!' },
  });
  const { accessToken: token } = await call(undefined, 'POST', '/auth/login', {
    email,
    password: 'Bench-password-2027!',
  });
  const post = (path: string, body: unknown) => call(token, 'POST', path, body);
  const location = await post('/locations', {
    name: 'Bench Clinic',
    address: { line1: '1 Bench St', city: 'Columbus', state: 'OH', postalCode: '43215' },
    phone: '(614) 555-0100',
    timeZone: 'America/New_York',
    hours: DEFAULT_HOURS,
  });
  const type = await post('/scheduling/types', {
    name: 'Visit',
    durationMinutes: 30,
    color: '#2da44e',
    patientKind: 'established',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    needsRoom: false,
  });
  const providers = [];
  for (let p = 0; p < PROVIDERS; p++) {
    const provider = await post('/scheduling/providers', {
      name: `Dr. Bench ${p}`,
      color: '#1f6feb',
      locationIds: [location.id],
    });
    await post('/scheduling/templates', {
      providerId: provider.id,
      locationId: location.id,
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
      effectiveFrom: '2027-01-01',
    });
    providers.push(provider);
  }
  const patients = [];
  for (let i = 0; i < VISITS_PER_PROVIDER_DAY * PROVIDERS; i++) {
    patients.push(
      await post('/scheduling/patients', {
        firstName: `Pat${i}`,
        lastName: 'Bench',
        dateOfBirth: '1980-01-01',
        preferredContact: 'email',
        email: `pat${i}@example.test`,
      }),
    );
  }
  const bookings: Promise<unknown>[] = [];
  for (let d = 0; d < 5; d++) {
    for (const [p, provider] of providers.entries()) {
      for (let v = 0; v < VISITS_PER_PROVIDER_DAY; v++) {
        bookings.push(
          post('/scheduling/appointments', {
            patientId: patients[p * VISITS_PER_PROVIDER_DAY + v].id,
            providerId: provider.id,
            locationId: location.id,
            typeId: type.id,
            date: addDays(WEEK, d),
            time: `${String(8 + v).padStart(2, '0')}:00`,
          }),
        );
      }
    }
    await Promise.all(bookings.splice(0));
  }
  for (let s = 0; s < STAFF; s++) {
    const person = await post('/hr/staff', {
      firstName: `Staff${s}`,
      lastName: 'Bench',
      jobTitle: 'Team member',
      staffRole: ROLES[s % ROLES.length],
      locationIds: [location.id],
      hireDate: '2026-01-05',
      employmentType: 'full_time',
      fte: 1,
      credentials: [],
    });
    await Promise.all(
      [0, 1, 2, 3, 4].map((d) =>
        post('/hr/shifts', {
          staffId: person.id,
          locationId: location.id,
          date: addDays(WEEK, d),
          start: s % 3 === 0 ? '07:00' : '08:00',
          end: s % 3 === 0 ? '15:00' : '17:00',
        }),
      ),
    );
  }
  await call(token, 'PUT', `/hr/staffing-rules/${location.id}`, {
    rules: [
      { staffRole: 'medical_assistant', perProvider: 1 },
      { staffRole: 'front_desk', minimum: 3, whenBookedOver: 8 },
      { staffRole: 'nurse', perProvider: 0.5 },
    ],
    version: 0,
  });
  return {
    token,
    tenantId: signup.tenantId as string,
    userId: signup.userId as string,
    locationId: location.id as string,
  };
}

export async function benchHr(server: LocalServer, endpoint: string): Promise<void> {
  console.log(
    `\n== HR: a week of shifts with coverage, ${STAFF} staff and ${PROVIDERS} providers at one location (${PROVIDERS * VISITS_PER_PROVIDER_DAY * 5} visits booked) ==`,
  );
  const started = performance.now();
  const b = await buildPractice(server.url);
  console.log(`set-up through the API         ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const counter = countingClient(endpoint);
  const store = new Store(counter.doc, server.platform.config.tableName, 'bench-cursor-secret-0123456789');
  const db = new TenantDb(
    store,
    b,
    { userId: b.userId, name: 'Bea Bench', role: 'owner' },
    'bench',
    server.platform.clock,
  );
  const view = await weekView(db, { role: 'owner' }, b.locationId, WEEK);
  const { calls, items } = counter.report();
  console.log(
    `DynamoDB per week view         ${calls} (${items} items read for ${view.shifts.length} shifts, ${view.coverage.length} working hours, ${view.gapHours} short)`,
  );

  const api: number[] = [];
  const raw: number[] = [];
  const path = `${server.url}/api/hr/shifts?locationId=${b.locationId}&weekOf=${WEEK}`;
  for (let i = 0; i < READS; i++) {
    let t0 = performance.now();
    await (await fetch(path, { headers: { authorization: `Bearer ${b.token}` } })).arrayBuffer();
    api.push(performance.now() - t0);
    t0 = performance.now();
    await counter.doc.send(
      new QueryCommand({
        TableName: server.platform.config.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :a AND :b',
        ExpressionAttributeValues: {
          ':pk': tenantKeys.shiftsOfLocation(b, b.locationId),
          ':a': `${WEEK}#`,
          ':b': `${addDays(WEEK, 6)}$`,
        },
      }),
    );
    raw.push(performance.now() - t0);
  }
  console.log(`GET /api/hr/shifts p50         ${median(api).toFixed(1)} ms (${READS} sequential)`);
  console.log(`raw Query of the week p50      ${median(raw).toFixed(1)} ms`);
}
