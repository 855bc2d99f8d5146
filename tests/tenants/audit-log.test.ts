import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import type { Store } from '../../functions/platform/db/store.ts';
import { localParts } from '../../shared/time.ts';
import {
  addMember,
  createTestApp,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

type Event = {
  id: string;
  at: string;
  action: string;
  actorId: string;
  entityType: string;
  patientId?: string;
  sentence: string;
};

const clock = testClock();
let t: TestApp;
let owner: Session;
let maria: Session;
let dana: Session;
let ada: { id: string };
let alan: { id: string };
/** Every DynamoDB Query the API ran, as sent (to prove each filter is one keyed read). */
const queries: Record<string, any>[] = [];

const call = (session: Session, method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: session.token, json });

/** Every page of a list, following its signed cursors. */
async function walk(path: string, session = owner): Promise<{ items: Event[]; pages: number }> {
  const items: Event[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await call(
      session,
      'GET',
      `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor);
  return { items, pages };
}

function recording(doc: DynamoDBDocumentClient): DynamoDBDocumentClient {
  return new Proxy(doc, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return (command: { constructor: { name: string }; input: Record<string, any> }) => {
        if (command.constructor.name === 'QueryCommand') queries.push(command.input);
        return target.send(command as never);
      };
    },
  });
}

beforeAll(async () => {
  // Two days in the practice's zone (Los Angeles), so a date range has something to leave out.
  clock.set(Date.parse('2030-03-01T18:00:00Z'));
  t = await createTestApp({ clock });
  const storeFor = t.platform.storeFor.bind(t.platform);
  t.platform.storeFor = async (tenantId: string): Promise<Store> => {
    const store = await storeFor(tenantId);
    return store.withClient(recording(store.doc));
  };
  owner = await signUpPractice(t);
  maria = await addMember(t, owner, 'manager', 'Maria Lopez');
  dana = await addMember(t, owner, 'staff', 'Dana Brooks');
  const patient = async (firstName: string, lastName: string) =>
    (
      await call(owner, 'POST', '/scheduling/patients', {
        firstName,
        lastName,
        dateOfBirth: '1985-12-10',
        preferredContact: 'none',
      })
    ).body;
  ada = await patient('Ada', 'Lovelace');
  alan = await patient('Alan', 'Turing');

  clock.advance(4 * 86_400_000);
  expect(
    (await call(owner, 'PATCH', `/team/${dana.userId}/role`, { role: 'manager', version: 1 })).status,
  ).toBe(200);
  expect(
    (await call(maria, 'PATCH', `/team/${dana.userId}/role`, { role: 'billing', version: 2 })).status,
  ).toBe(200);
  expect((await call(maria, 'POST', `/team/${dana.userId}/deactivate`, { version: 3 })).status).toBe(200);
  for (let i = 0; i < 3; i++)
    expect((await call(maria, 'GET', `/scheduling/patients/${ada.id}`)).status).toBe(200);
  expect((await call(maria, 'GET', `/scheduling/patients/${alan.id}`)).status).toBe(200);
  expect((await call(owner, 'GET', `/scheduling/patients/${ada.id}/visits`)).status).toBe(200);
}, 60_000);

describe('the audit log reads as sentences', () => {
  it('names the people involved, as they were named then', async () => {
    const sentences = (await walk('/audit?limit=100')).items.map((e) => e.sentence);
    expect(sentences).toEqual(
      expect.arrayContaining([
        'Olivia Owner invited Dana Brooks as Front desk / staff',
        'Dana Brooks accepted the invitation and joined as Front desk / staff',
        'Dana Brooks signed in',
        "Olivia Owner changed Dana Brooks's role to Practice manager",
        "Maria Lopez changed Dana Brooks's role to Billing",
        'Maria Lopez deactivated Dana Brooks',
        'Olivia Owner added Ada Lovelace as a patient',
        "Maria Lopez viewed Ada Lovelace's details",
        "Maria Lopez viewed Alan Turing's details",
        "Olivia Owner viewed Ada Lovelace's visits",
      ]),
    );
  });

  it('reads a record written before names were stored with what it has', async () => {
    // Its own practice: records from before the index copies are in no filter's partition.
    const legacyOwner = await signUpPractice(t, 'Legacy Practice');
    const at = new Date(clock.now().getTime() - 86_400_000);
    const id = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
    const old = (action: string, entityType: string, n: number) => ({
      ...tenantKeys.audit(legacyOwner, `${id.slice(0, -1)}${n}`, 'legacy-user', entityType),
      type: 'audit',
      id: `${id.slice(0, -1)}${n}`,
      at: at.toISOString(),
      actorId: 'legacy-user',
      actorName: 'Olga Oldtimer',
      actorRole: 'manager',
      action,
      entityType,
      entityId: 'X1',
      requestId: 'req-old',
      summary: 'Old summary',
    });
    await t.platform.store.transact([
      { kind: 'put', item: old('patient.viewed', 'patient', 1) },
      { kind: 'put', item: old('team.role_changed', 'user', 2) },
      { kind: 'put', item: old('scheduling.provider_added', 'provider', 3) },
    ]);
    const legacy = (await walk('/audit?actorId=legacy-user', legacyOwner)).items.map((e) => e.sentence);
    expect(legacy).toEqual([
      'Olga Oldtimer old summary',
      "Olga Oldtimer changed a team member's role",
      "Olga Oldtimer viewed a patient's details",
    ]);
  });
});

describe('filters', () => {
  it('each filter returns exactly the matching records, across pages', async () => {
    const all = (await walk('/audit?limit=100')).items;
    const laDay = (e: Event) => localParts(Date.parse(e.at), 'America/Los_Angeles').date;
    const cases: [string, (e: Event) => boolean][] = [
      [`actorId=${maria.userId}`, (e) => e.actorId === maria.userId],
      [`patientId=${ada.id}`, (e) => e.patientId === ada.id],
      ['action=team.role_changed', (e) => e.action === 'team.role_changed'],
      ['action=team.', (e) => e.action.startsWith('team.')],
      ['action=patient.', (e) => e.action.startsWith('patient.')],
      ['entityType=user', (e) => e.entityType === 'user'],
      [
        `actorId=${maria.userId}&action=team.`,
        (e) => e.actorId === maria.userId && e.action.startsWith('team.'),
      ],
      [
        `patientId=${ada.id}&actorId=${maria.userId}`,
        (e) => e.patientId === ada.id && e.actorId === maria.userId,
      ],
      ['from=2030-03-05&to=2030-03-05', (e) => laDay(e) === '2030-03-05'],
      ['action=auth.&to=2030-03-01', (e) => e.action.startsWith('auth.') && laDay(e) <= '2030-03-01'],
    ];
    for (const [q, match] of cases) {
      const expected = all.filter(match).map((e) => e.id);
      expect(expected.length, q).toBeGreaterThan(0);
      expect(expected.length, q).toBeLessThan(all.length);
      const paged = await walk(`/audit?limit=2&${q}`);
      expect(
        paged.items.map((e) => e.id),
        q,
      ).toEqual(expected);
      expect(paged.pages, q).toBeGreaterThanOrEqual(Math.ceil(expected.length / 2));
    }
    // One patient's records never include another's.
    const alans = await walk(`/audit?patientId=${alan.id}`);
    expect(alans.items.map((e) => e.sentence)).toEqual([
      "Maria Lopez viewed Alan Turing's details",
      'Olivia Owner added Alan Turing as a patient',
    ]);
  });

  it('each filter is one Query on its own keyed partition, never a read of the whole log', async () => {
    const T = owner.tenantId;
    const cases: [string, string, string | undefined][] = [
      [`patientId=${ada.id}`, `T#${T}#AUDIT#PATIENT#${ada.id}`, 'GSI2'],
      [`actorId=${maria.userId}`, `T#${T}#AUDIT#ACTOR#${maria.userId}`, 'GSI1'],
      ['action=team.role_changed', `T#${T}#AUDIT#ACTION#team.role_changed`, 'GSI1'],
      ['action=team.', `T#${T}#AUDIT#KIND#team`, undefined],
      ['entityType=user', `T#${T}#AUDIT#ENTITY#user`, 'GSI2'],
    ];
    for (const [q, partition, index] of cases) {
      queries.length = 0;
      const res = await call(owner, 'GET', `/audit?${q}&from=2030-03-01`);
      expect(res.status).toBe(200);
      const audit = queries.filter((input) =>
        String(input.ExpressionAttributeValues[':pk']).includes('#AUDIT'),
      );
      expect(audit, q).toHaveLength(1);
      expect(audit[0]!.ExpressionAttributeValues[':pk'], q).toBe(partition);
      expect(audit[0]!.IndexName, q).toBe(index);
      expect(audit[0]!.KeyConditionExpression, q).toContain('BETWEEN');
      expect(audit[0]!.FilterExpression, q).toBeUndefined();
    }
  });

  it('refuses an action that is not one action or a family, and a backwards range', async () => {
    const bad = await call(owner, 'GET', '/audit?action=team');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toEqual({
      path: 'query.action',
      message: 'Choose an action from the list',
    });
    const backwards = await call(owner, 'GET', '/audit?from=2030-03-05&to=2030-03-01');
    expect(backwards.status).toBe(400);
  });
});
