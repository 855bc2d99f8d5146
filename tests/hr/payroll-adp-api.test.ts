import { beforeAll, describe, expect, it } from 'vitest';
import { LOCATION } from '../security/modules/tenants.ts';
import {
  addMember,
  auditCount,
  createTestApp,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

/**
 * The ADP Workforce Now paydata export through the API on DynamoDB Local, every figure by hand.
 *
 * The clock stands on Saturday 2027-03-20 (11:00 in Los Angeles); the practice pays every two weeks
 * from Monday 2027-03-01, so the period 03-01..03-14 has ended (batch 270314).
 * - Ann Avery (hourly, File # 001234) works Mon–Fri 03-01..03-05 08:00–17:30: 47.5 h in the week,
 *   40 regular and 7.5 overtime; 8 PTO hours on Wed 03-10 (the practice's PTO code: PTO).
 * - Dee Dunn (salary) took no time off: nothing to pay, so no row and no file number needed.
 * - Pat Park (hourly) works Tue 03-02 09:00–13:00: 4 regular hours. No file number at first.
 * - Sal Stone (salary, File # 310) took 4 sick hours on 03-02: ADP's default sick code S.
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let staff: Session;
const ids: Record<string, string> = {};
const P = '2027-03-01';

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

async function addPerson(first: string, last: string, type: 'hourly' | 'salary', over = {}) {
  const res = await as(manager)('POST', '/hr/staff', {
    firstName: first,
    lastName: last,
    jobTitle: 'Medical assistant',
    staffRole: 'medical_assistant',
    locationIds: [ids.location],
    hireDate: '2027-01-04',
    employmentType: 'full_time',
    fte: 1,
    credentials: [],
    pay: { type, rateCents: type === 'hourly' ? 2500 : 6_500_000 },
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function shift(staffId: string, date: string, start: string, end: string) {
  const res = await as(manager)('POST', '/hr/shifts', {
    staffId,
    locationId: ids.location,
    date,
    start,
    end,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function timeOff(staffId: string, kind: 'pto' | 'sick', date: string, hours: number) {
  const asked = await as(manager)('POST', '/hr/time-off/requests', {
    staffId,
    kind,
    startDate: date,
    endDate: date,
    hours,
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const decided = await as(owner)('POST', `/hr/time-off/requests/${asked.body.id}/decision`, {
    decision: 'approve',
    version: 1,
  });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
}

const schedule = async (adp?: Record<string, string>) => {
  const current = await as(owner)('GET', '/hr/payroll/schedule');
  return as(owner)('PUT', '/hr/payroll/schedule', {
    frequency: 'biweekly',
    anchorDate: '2027-03-01',
    ...(adp ? { adp } : {}),
    version: current.body.version,
  });
};
const exportAdp = () => as(manager)('GET', `/hr/payroll/periods/${P}/export?layout=adp_wfn`);

beforeAll(async () => {
  clock.set(Date.parse('2027-03-20T18:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'ADP Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  staff = await addMember(t, owner, 'staff', 'Pat Park');
  ids.location = (await as(owner)('POST', '/locations', LOCATION)).body.id;
  ids.ann = await addPerson('Ann', 'Avery', 'hourly', { payrollFileNumber: '001234' });
  ids.dee = await addPerson('Dee', 'Dunn', 'salary');
  ids.pat = await addPerson('Pat', 'Park', 'hourly', { userId: staff.userId });
  ids.sal = await addPerson('Sal', 'Stone', 'salary', { payrollFileNumber: '310' });
  for (const date of ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05']) {
    await shift(ids.ann, date, '08:00', '17:30');
  }
  await shift(ids.pat, '2027-03-02', '09:00', '13:00');
  await timeOff(ids.ann, 'pto', '2027-03-10', 8);
  await timeOff(ids.sal, 'sick', '2027-03-02', 4);
  expect((await schedule()).status).toBe(200);
  expect((await as(manager)('POST', '/hr/payroll/periods', { start: P })).status).toBe(201);
});

describe('the payroll file number on a staff record', () => {
  it('is 1 to 6 digits, one per current person, and only owners and managers see it', async () => {
    const bad = await as(manager)('PUT', `/hr/staff/${ids.pat}`, await patWith('12a4'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      {
        path: 'payrollFileNumber',
        message: 'A payroll file number is 1 to 6 digits, as ADP shows it (e.g. 001234)',
      },
    ]);
    const taken = await as(manager)('PUT', `/hr/staff/${ids.pat}`, await patWith('001234'));
    expect(taken.status).toBe(400);
    expect(taken.body.error.details).toEqual([
      { path: 'payrollFileNumber', message: 'Ann Avery already has the payroll file number 001234' },
    ]);
    const ann = await as(manager)('GET', `/hr/staff/${ids.ann}`);
    expect(ann.body.payrollFileNumber).toBe('001234');
    const seenByStaff = await as(staff)('GET', `/hr/staff/${ids.ann}`);
    expect(seenByStaff.status).toBe(200);
    expect(seenByStaff.body).not.toHaveProperty('payrollFileNumber');
    expect(seenByStaff.body).not.toHaveProperty('pay');
  });
});

describe('the ADP company code in the payroll settings', () => {
  it('is 3 letters or digits, upper-cased, and answered with the schedule', async () => {
    const short = await schedule({ companyCode: 'k7' });
    expect(short.status).toBe(400);
    expect(short.body.error.details).toEqual([
      { path: 'adp.companyCode', message: 'The ADP company code is exactly 3 letters or digits, like K7Q' },
    ]);
    const badCode = await schedule({ companyCode: 'K7Q', ptoCode: 'P,T' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.details[0].path).toBe('adp.ptoCode');
    // A staff login cannot change payroll settings.
    expect((await as(staff)('GET', '/hr/payroll/schedule')).status).toBe(403);
  });
});

describe('the ADP Workforce Now export', () => {
  it('refuses, naming everything missing, while the company code or a file number is not on record', async () => {
    const before = await auditCount(t, owner);
    const none = await exportAdp();
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('validation_failed');
    expect(none.body.error.message).toBe(
      'The ADP Workforce Now file cannot be made yet. Set the practice’s ADP company code in the payroll settings. Add a payroll file number (ADP’s File #) to the staff record of Pat Park.',
    );
    expect(none.body.error.details).toEqual([
      { path: 'adp.companyCode', message: 'The practice has no ADP company code on record' },
      { path: 'payrollFileNumber', message: 'Pat Park has no payroll file number' },
    ]);
    const saved = await schedule({ companyCode: 'k7q', ptoCode: 'pto' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.adp).toEqual({ companyCode: 'K7Q', ptoCode: 'PTO' });
    const pat = await exportAdp();
    expect(pat.status).toBe(400);
    expect(pat.body.error.message).toBe(
      'The ADP Workforce Now file cannot be made yet. Add a payroll file number (ADP’s File #) to the staff record of Pat Park.',
    );
    // Nothing was exported: the refusals left no audit record (the settings change left one).
    expect(await auditCount(t, owner)).toBe(before + 1);
  });

  it('answers the hand-computed file once everything is on record; the other layouts are unchanged', async () => {
    const fixed = await as(manager)('PUT', `/hr/staff/${ids.pat}`, await patWith('4521'));
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const file = await exportAdp();
    expect(file.status, JSON.stringify(file.body)).toBe(200);
    expect(file.body.fileName).toBe('PRK7QEPI.csv');
    expect(file.body.csv).toBe(
      'Co Code,Batch ID,File #,Reg Hours,O/T Hours,Hours 3 Code,Hours 3 Amount\r\n' +
        'K7Q,270314,001234,40.00,7.50,PTO,8.00\r\n' +
        'K7Q,270314,4521,4.00,0.00,,\r\n' +
        'K7Q,270314,310,,,S,4.00\r\n',
    );
    const generic = await as(manager)('GET', `/hr/payroll/periods/${P}/export`);
    expect(generic.body.fileName).toBe('payroll-2027-03-01-to-2027-03-14-generic.csv');
    const wrong = await as(manager)('GET', `/hr/payroll/periods/${P}/export?layout=adp`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].message).toBe('Choose generic, gusto or adp_wfn');
    expect((await as(staff)('GET', `/hr/payroll/periods/${P}/export?layout=adp_wfn`)).status).toBe(403);
  });

  it('refuses two people of the file sharing a file number; a locked period takes the numbers as they are now', async () => {
    const locked = await as(manager)('POST', `/hr/payroll/periods/${P}/lock`, { version: 1 });
    expect(locked.status, JSON.stringify(locked.body)).toBe(200);
    // Sal leaves, so his number is free on the current staff; but he is still in the locked period.
    const end = await as(manager)('POST', `/hr/staff/${ids.sal}/end`, { endDate: '2027-03-19', version: 1 });
    expect(end.status, JSON.stringify(end.body)).toBe(200);
    expect((await as(manager)('PUT', `/hr/staff/${ids.pat}`, await patWith('310'))).status).toBe(200);
    const shared = await exportAdp();
    expect(shared.status).toBe(400);
    expect(shared.body.error.message).toBe(
      'The ADP Workforce Now file cannot be made yet. Pat Park and Sal Stone share the payroll file number 310: give each their own.',
    );
    expect((await as(manager)('PUT', `/hr/staff/${ids.pat}`, await patWith('4522'))).status).toBe(200);
    const file = await exportAdp();
    expect(file.status, JSON.stringify(file.body)).toBe(200);
    expect(file.body.csv.split('\r\n').slice(1, 4)).toEqual([
      'K7Q,270314,001234,40.00,7.50,PTO,8.00',
      'K7Q,270314,4522,4.00,0.00,,',
      'K7Q,270314,310,,,S,4.00',
    ]);
  });
});

/** A person's record as the edit form sends it back (the version read, derived fields left out). */
async function editable(id: string) {
  const {
    name: _n,
    managerName: _m,
    status: _s,
    endDate: _e,
    endReason: _r,
    id: _i,
    ...rest
  } = (await as(manager)('GET', `/hr/staff/${id}`)).body;
  return rest;
}
const patWith = async (payrollFileNumber: string) => ({ ...(await editable(ids.pat!)), payrollFileNumber });
