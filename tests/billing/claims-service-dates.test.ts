import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

/**
 * The claims list narrowed to dates of service (`serviceFrom`, `serviceTo`), on DynamoDB Local:
 * what every KPI's drill-down asks for ("the claims of September's services", "open claims from
 * June and earlier"). Both days are included, the other filters and paging still apply, bad dates
 * are the caller's 400, and another practice sees none of it.
 */

let t: TestApp;
let owner: Session;
let other: Session;
const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });
const ids = async (s: Session, query: string) => {
  const res = await as(s)('GET', `/billing/claims?${query}`);
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((c) => c.id);
};

const UHC = { id: 'UHC01', name: 'UnitedHealthcare' };
const AETNA = { id: 'AET01', name: 'Aetna' };
const entry = (claimId: string, serviceDate: string, payer = UHC) => ({
  claimId,
  patient: { lastName: 'Okoro', firstName: 'Chidi', memberId: 'W123' },
  payer,
  provider: { npi: '1987654321', name: 'Dr. Ada Okafor' },
  submittedDate: serviceDate,
  lines: [{ code: '99213', modifiers: [], units: 1, serviceDate, chargeCents: 10000 }],
});

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Service Dates Practice');
  other = await signUpPractice(t, 'Other Service Dates Practice');
  const claims = [
    entry('SD-0831', '2026-08-31'),
    entry('SD-0901', '2026-09-01'),
    entry('SD-0910', '2026-09-10'),
    entry('SD-0915', '2026-09-15', AETNA),
    entry('SD-0930', '2026-09-30'),
    // `~` sorts after every other id character: the last day's bound must still take it in.
    entry('SD~0930', '2026-09-30'),
    entry('SD-1001', '2026-10-01'),
  ];
  for (const c of claims) expect((await as(owner)('POST', '/billing/claims', c)).status).toBe(201);
  // One of September's claims written off: it leaves the open list for the closed one.
  const closed = await as(owner)('POST', '/billing/claims/SD-0910/follow-ups', {
    action: 'written_off',
    note: 'Too small to chase',
    version: 1,
  });
  expect(closed.body.state).toBe('closed');
});

describe('claims by date of service', () => {
  it('lists only the claims of the range, both days included', async () => {
    const september = 'serviceFrom=2026-09-01&serviceTo=2026-09-30';
    expect(await ids(owner, september)).toEqual(['SD-0901', 'SD-0915', 'SD-0930', 'SD~0930']);
    expect(await ids(owner, 'serviceFrom=2026-09-30&serviceTo=2026-09-30')).toEqual(['SD-0930', 'SD~0930']);
    expect(await ids(owner, `${september}&sort=newest`)).toEqual([
      'SD~0930',
      'SD-0930',
      'SD-0915',
      'SD-0901',
    ]);
  });

  it('takes one bound alone: from a day on, or up to a day', async () => {
    expect(await ids(owner, 'serviceFrom=2026-09-30')).toEqual(['SD-0930', 'SD~0930', 'SD-1001']);
    expect(await ids(owner, 'serviceTo=2026-09-01')).toEqual(['SD-0831', 'SD-0901']);
  });

  it('works with the state and payer filters', async () => {
    const september = 'serviceFrom=2026-09-01&serviceTo=2026-09-30';
    expect(await ids(owner, `state=closed&${september}`)).toEqual(['SD-0910']);
    expect(await ids(owner, 'state=closed&serviceFrom=2026-09-11')).toEqual([]);
    expect(await ids(owner, `state=submitted&payer=UHC01&${september}`)).toEqual([
      'SD-0901',
      'SD-0930',
      'SD~0930',
    ]);
    expect(await ids(owner, `payer=AET01&${september}`)).toEqual(['SD-0915']);
  });

  it('pages through the range, and refuses a cursor of another range', async () => {
    const range = 'serviceFrom=2026-09-01&serviceTo=2026-10-31&limit=2';
    const first = await as(owner)('GET', `/billing/claims?${range}`);
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual(['SD-0901', 'SD-0915']);
    const cursor = encodeURIComponent(first.body.nextCursor);
    const second = await as(owner)('GET', `/billing/claims?${range}&cursor=${cursor}`);
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual(['SD-0930', 'SD~0930']);
    const third = await as(owner)(
      'GET',
      `/billing/claims?${range}&cursor=${encodeURIComponent(second.body.nextCursor)}`,
    );
    expect(third.body.items.map((c: { id: string }) => c.id)).toEqual(['SD-1001']);
    expect(third.body.nextCursor).toBeNull();
    // The cursor stands after September 15: a list of October only cannot start there.
    const elsewhere = await as(owner)('GET', `/billing/claims?serviceFrom=2026-10-01&cursor=${cursor}`);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toMatch(/cursor/);
  });

  it('answers a bad date with a 400 that says what is wrong', async () => {
    const bad = async (query: string) => {
      const res = await as(owner)('GET', `/billing/claims?${query}`);
      expect(res.status).toBe(400);
      return res.body.error.details as { path: string; message: string }[];
    };
    expect(await bad('serviceFrom=last-week')).toContainEqual({
      path: 'query.serviceFrom',
      message: 'Give the first date of service like 2026-09-01 (year, month, day)',
    });
    expect(await bad('serviceTo=2026-02-30')).toContainEqual({
      path: 'query.serviceTo',
      message: 'This date is not on the calendar',
    });
    expect(await bad('serviceTo=2026-13-01')).toContainEqual({
      path: 'query.serviceTo',
      message: 'This date is not on the calendar',
    });
    expect(await bad('serviceFrom=2026-10-01&serviceTo=2026-09-30')).toContainEqual({
      path: 'query.serviceTo',
      message: 'The first date of service is after the last one: swap them',
    });
  });

  it('shows another practice none of these claims', async () => {
    expect(await ids(other, 'serviceFrom=2026-08-01&serviceTo=2026-10-31')).toEqual([]);
    expect(await ids(other, 'state=closed&serviceFrom=2026-09-01')).toEqual([]);
  });

  it('describes the filters in the OpenAPI document', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    const op = doc.paths['/api/billing/claims'].get;
    const names = (op.parameters as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['serviceFrom', 'serviceTo']));
    expect(op.summary).toMatch(/serviceFrom/);
  });
});
