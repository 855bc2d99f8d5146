import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { Store } from '../../functions/platform/db/store.ts';
import { addMember, createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

type Match = { id: string; firstName: string; lastName: string; dateOfBirth: string; phone?: string };

let t: TestApp;
let owner: Session;
let staff: Session;
let other: Session;
const ids: Record<string, string> = {};

const as = (session: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: session.token, json });

/** The front desk's search, as the picker sends it. */
async function find(q: string, session: Session = staff, extra = ''): Promise<Match[]> {
  const res = await as(session)('GET', `/scheduling/patients/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, `${q}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.items;
}
const names = (items: Match[]) => items.map((m) => `${m.lastName}, ${m.firstName}`);

async function addPatient(session: Session, key: string, p: Record<string, string>) {
  const res = await as(session)('POST', '/scheduling/patients', {
    preferredContact: p.phone ? 'phone' : 'none',
    ...p,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[key] = res.body.id;
  return res.body;
}

/** The search rows stored for one patient, read straight from the table. */
async function searchRowsOf(tenantId: string, patientId: string): Promise<string[]> {
  const page = await t.platform.store.query<{ SK: string; id: string }>({
    partition: tenantKeys.patientFindPartition({ tenantId }),
    limit: 100,
  });
  return page.items.filter((r) => r.id === patientId).map((r) => r.SK.split('#')[0]!);
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Search Clinic');
  staff = await addMember(t, owner, 'staff', 'Desk Person');
  other = await signUpPractice(t, 'Other Clinic');
  await addPatient(owner, 'ada', {
    firstName: 'Ada',
    lastName: 'Lovelace',
    dateOfBirth: '1985-12-10',
    phone: '(614) 555-1000',
    email: 'ada@example.test',
    insurancePayer: 'Medicare',
    memberId: 'M1',
  });
  await addPatient(owner, 'john', {
    firstName: 'John',
    lastName: 'Smith',
    dateOfBirth: '1970-01-02',
    phone: '614-555-2000',
  });
  await addPatient(owner, 'jane', {
    firstName: 'Jane',
    lastName: 'Smith',
    dateOfBirth: '1980-05-06',
    phone: '+1 614 555 3000',
  });
  // A first name that starts like the Smiths' last name.
  await addPatient(owner, 'smitty', { firstName: 'Smitty', lastName: 'Adams', dateOfBirth: '1990-07-08' });
  // Born the same day as Ada: a birth-date search lists both, by name.
  await addPatient(owner, 'bob', { firstName: 'Bob', lastName: 'Aaron', dateOfBirth: '1985-12-10' });
  // Another practice's patient with Ada's first name, birth date and phone, and a Smith.
  await addPatient(other, 'otherAda', {
    firstName: 'Ada',
    lastName: 'Byron',
    dateOfBirth: '1985-12-10',
    phone: '(614) 555-1000',
  });
  await addPatient(other, 'otherSmith', { firstName: 'Jane', lastName: 'Smith', dateOfBirth: '1980-05-06' });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('finding a patient as the front desk types', () => {
  it('by the start of the last name', async () => {
    expect(names(await find('lov'))).toEqual(['Lovelace, Ada']);
    expect(names(await find('SMITH'))).toEqual(['Smith, Jane', 'Smith, John']);
  });

  it('one word also matches the start of a first name; the two lists merge by name', async () => {
    expect(names(await find('ada'))).toEqual(['Adams, Smitty', 'Lovelace, Ada']);
    expect(names(await find('smi'))).toEqual(['Adams, Smitty', 'Smith, Jane', 'Smith, John']);
    // Each patient once, even when both the last and the first name match.
    expect(names(await find('jan'))).toEqual(['Smith, Jane']);
  });

  it('by "last, first" and "first last", the start of each', async () => {
    expect(names(await find('Smith, Ja'))).toEqual(['Smith, Jane']);
    expect(names(await find('smi, jo'))).toEqual(['Smith, John']);
    expect(names(await find('smith,'))).toEqual(['Smith, Jane', 'Smith, John']);
    expect(names(await find('john smi'))).toEqual(['Smith, John']);
    expect(names(await find('jane s'))).toEqual(['Smith, Jane']);
    expect(await find('john lovelace')).toEqual([]);
  });

  it('by birth date, typed month first or year first, exactly', async () => {
    for (const typed of ['12/10/1985', '1985-12-10']) {
      expect(names(await find(typed)), typed).toEqual(['Aaron, Bob', 'Lovelace, Ada']);
    }
    expect(names(await find('1/2/1970'))).toEqual(['Smith, John']);
    expect(await find('12/11/1985')).toEqual([]);
  });

  it('by phone, however it is punctuated, or by its first digits', async () => {
    for (const typed of ['(614) 555-1000', '614.555.1000', '+1 614 555 1000', '16145551000', '6145551']) {
      expect(names(await find(typed)), typed).toEqual(['Lovelace, Ada']);
    }
    expect(names(await find('614-555-3000'))).toEqual(['Smith, Jane']);
    expect(names(await find('614 555 0'))).toEqual([]);
  });

  it('a result shows name, birth date and phone, and nothing more of the record', async () => {
    const [ada] = await find('6145551000');
    expect(ada).toEqual({
      id: ids.ada,
      firstName: 'Ada',
      lastName: 'Lovelace',
      dateOfBirth: '1985-12-10',
      phone: '(614) 555-1000',
    });
    // The same shape whichever lookup answered.
    expect(await find('lovelace')).toEqual([ada]);
    expect(await find('Ada Lov')).toEqual([ada]);
    const [smitty] = await find('Adams, S');
    expect(smitty).toEqual({
      id: ids.smitty,
      firstName: 'Smitty',
      lastName: 'Adams',
      dateOfBirth: '1990-07-08',
    });
  });

  it('a search is one Query (two for a single word, merged), never a BatchGet', async () => {
    const query = vi.spyOn(Store.prototype, 'query');
    const batchGet = vi.spyOn(Store.prototype, 'batchGet');
    const queriesFor = async (q: string) => {
      query.mockClear();
      await find(q);
      // The audit of the search writes; it does not read.
      return query.mock.calls.length;
    };
    expect(await queriesFor('6145551000')).toBe(1);
    expect(await queriesFor('12/10/1985')).toBe(1);
    expect(await queriesFor('smith, j')).toBe(1);
    expect(await queriesFor('smith')).toBe(2);
    expect(batchGet).not.toHaveBeenCalled();
  });

  it('pages a single lookup with its cursor; a merged one is one page', async () => {
    const first = await as(staff)('GET', '/scheduling/patients/search?q=12/10/1985&limit=1');
    expect(names(first.body.items)).toEqual(['Aaron, Bob']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const next = await as(staff)(
      'GET',
      `/scheduling/patients/search?q=12/10/1985&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(names(next.body.items)).toEqual(['Lovelace, Ada']);

    const merged = await as(staff)('GET', '/scheduling/patients/search?q=smi&limit=2');
    expect(names(merged.body.items)).toEqual(['Adams, Smitty', 'Smith, Jane']);
    expect(merged.body.nextCursor).toBeNull();
    const refused = await as(staff)(
      'GET',
      `/scheduling/patients/search?q=smi&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(refused.status).toBe(400);
  });

  it('a whole date that is no day is refused with the reason', async () => {
    const res = await as(staff)('GET', `/scheduling/patients/search?q=${encodeURIComponent('02/30/1990')}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'q', message: expect.stringContaining('February 1990 has no day 30') },
    ]);
  });

  it('is audited like the list: each patient shown is named', async () => {
    await find('6145552000');
    const log = await as(owner)('GET', `/audit?action=patient.listed&patientId=${ids.john}`);
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    expect(log.body.items.length).toBeGreaterThan(0);
    expect(log.body.items[0]).toMatchObject({ action: 'patient.listed', actorId: staff.userId });
  });
});

describe('the search follows changes to the patient', () => {
  it('a new name, birth date and phone move the rows: the old values no longer find the patient', async () => {
    const ada = (await as(owner)('GET', `/scheduling/patients/${ids.ada}`)).body;
    const { id: _id, possibleDuplicateOf: _d, createdAt: _c, remindersOptOut: _r, ...fields } = ada;
    const res = await as(owner)('PUT', `/scheduling/patients/${ids.ada}`, {
      ...fields,
      firstName: 'Augusta',
      lastName: 'King',
      dateOfBirth: '1985-12-11',
      phone: '(212) 555-9999',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    for (const gone of ['lovelace', 'ada', 'Lovelace, Ada', 'ada lov', '12/10/1985', '(614) 555-1000']) {
      expect(
        (await find(gone)).map((m) => m.id),
        gone,
      ).not.toContain(ids.ada);
    }
    const now = {
      id: ids.ada,
      firstName: 'Augusta',
      lastName: 'King',
      dateOfBirth: '1985-12-11',
      phone: '(212) 555-9999',
    };
    for (const typed of ['king', 'augusta', 'King, Aug', 'augusta k', '12/11/1985', '212-555-9999']) {
      expect(await find(typed), typed).toEqual([now]);
    }
    // Bob still shares nothing but the old birth date, which he keeps.
    expect(names(await find('12/10/1985'))).toEqual(['Aaron, Bob']);
    expect((await searchRowsOf(owner.tenantId, ids.ada!)).sort()).toEqual(['DOB', 'FIRST', 'PHONE']);
  });

  it('clearing the phone removes its row; a change elsewhere rewrites nothing it need not', async () => {
    const john = (await as(owner)('GET', `/scheduling/patients/${ids.john}`)).body;
    const { id: _id, possibleDuplicateOf: _d, createdAt: _c, remindersOptOut: _r, phone: _p, ...rest } = john;
    const res = await as(owner)('PUT', `/scheduling/patients/${ids.john}`, {
      ...rest,
      preferredContact: 'none',
      insurancePayer: 'Aetna',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await find('614-555-2000')).toEqual([]);
    expect(await find('john smith')).toEqual([
      { id: ids.john, firstName: 'John', lastName: 'Smith', dateOfBirth: '1970-01-02' },
    ]);
    expect((await searchRowsOf(owner.tenantId, ids.john!)).sort()).toEqual(['DOB', 'FIRST']);
  });

  it('imported patients are found the same way', async () => {
    const csv = ['first_name,last_name,date_of_birth,phone', 'Grace,Hopper,12/09/1906,(703) 555-0199'].join(
      '\n',
    );
    const res = await as(owner)('POST', '/scheduling/imports', { kind: 'patients', csv, dryRun: false });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.created).toBe(1);
    for (const typed of ['grace', 'hopper', '12/9/1906', '7035550199']) {
      expect(names(await find(typed)), typed).toEqual(['Hopper, Grace']);
    }
  });
});

describe('another practice', () => {
  it('never finds this practice’s patients, by any kind of search', async () => {
    for (const typed of ['', 'lov', 'king', 'augusta', 'smith', 'smi, jo', '12/11/1985', '2125559999']) {
      const found = await find(typed, other);
      for (const key of ['ada', 'john', 'jane', 'smitty', 'bob']) {
        expect(
          found.map((m) => m.id),
          `${typed} → ${key}`,
        ).not.toContain(ids[key]);
      }
    }
    // Its own patient with Ada's old phone and birth date is all it sees.
    expect(names(await find('(614) 555-1000', other))).toEqual(['Byron, Ada']);
    expect(names(await find('12/10/1985', other))).toEqual(['Byron, Ada']);
    expect(names(await find('smith', other))).toEqual(['Smith, Jane']);
    // And this practice never sees the other's.
    expect((await find('byron')).length).toBe(0);
    expect((await find('smith')).map((m) => m.id)).not.toContain(ids.otherSmith);
  });
});
