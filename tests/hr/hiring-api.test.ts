import { beforeAll, describe, expect, it } from 'vitest';
import { LOCATION } from '../security/modules/tenants.ts';
import {
  addMember,
  createTestApp,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

/**
 * Hiring through the API on DynamoDB Local: an opening, candidates through the stages (sorted by
 * stage), interview notes, one scorecard per interviewer, the offer, and the hire, which adds the
 * person to the staff directory and fills the opening. Candidates are owners' and managers' only:
 * every other role gets 403, another practice 404.
 *
 * The clock stands on Monday 2027-01-04, 07:00 in Los Angeles.
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let staff: Session;
let provider: Session;
let billing: Session;
let other: Session;
const ids: Record<string, string> = {};

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

const OPENING = {
  title: 'Medical assistant',
  staffRole: 'medical_assistant',
  employmentType: 'full_time',
};

async function candidate(first: string, appliedOn: string) {
  const res = await as(manager)('POST', `/hr/openings/${ids.opening}/candidates`, {
    firstName: first,
    lastName: 'Applicant',
    email: `${first.toLowerCase()}@example.com`,
    appliedOn,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T15:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Hiring Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  staff = await addMember(t, owner, 'staff', 'Dana Desk');
  provider = await addMember(t, owner, 'provider', 'Dr. Pat Provider');
  billing = await addMember(t, owner, 'billing', 'Bo Billing');
  other = await signUpPractice(t, 'Other Hiring Practice');
  ids.location = (await as(owner)('POST', '/locations', LOCATION)).body.id;
});

describe('openings', () => {
  it('are opened on a location of the practice, today', async () => {
    const bad = await as(manager)('POST', '/hr/openings', { ...OPENING, locationId: 'no-such-place' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'locationId', message: 'That location does not exist' }]);
    const res = await as(manager)('POST', '/hr/openings', { ...OPENING, locationId: ids.location });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', openedOn: '2027-01-04', candidateCount: 0, version: 1 });
    ids.opening = res.body.id;
    clock.set(Date.parse('2027-01-05T15:00:00Z'));
    const second = await as(owner)('POST', '/hr/openings', {
      ...OPENING,
      title: 'Front desk',
      staffRole: 'front_desk',
      locationId: ids.location,
    });
    ids.second = second.body.id;
  });

  it('list newest first by default, paged, and oldest first on request', async () => {
    const first = await as(manager)('GET', '/hr/openings?limit=1');
    expect(first.body.items.map((o: { id: string }) => o.id)).toEqual([ids.second]);
    const next = await as(manager)('GET', `/hr/openings?limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body.items.map((o: { id: string }) => o.id)).toEqual([ids.opening]);
    expect(next.body.nextCursor).toBeNull();
    const asc = await as(manager)('GET', '/hr/openings?dir=asc');
    expect(asc.body.items.map((o: { id: string }) => o.id)).toEqual([ids.opening, ids.second]);
    // A cursor of another ordering is refused.
    expect((await as(manager)('GET', `/hr/openings?dir=asc&cursor=${first.body.nextCursor}`)).status).toBe(
      400,
    );
  });
});

describe('candidates', () => {
  it('move through the stages and list by stage, then by the day applied', async () => {
    ids.ana = (await candidate('Ana', '2026-12-20')).id;
    ids.ben = (await candidate('Ben', '2026-12-22')).id;
    ids.cy = (await candidate('Cy', '2026-12-21')).id;
    const moved = await as(manager)('POST', `/hr/candidates/${ids.ben}/stage`, {
      stage: 'interview',
      date: '2027-01-05',
      version: 1,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.history).toEqual([
      { stage: 'applied', date: '2026-12-22' },
      { stage: 'interview', date: '2027-01-05' },
    ]);
    const early = await as(manager)('POST', `/hr/candidates/${ids.cy}/stage`, {
      stage: 'rejected',
      date: '2026-12-01',
      version: 1,
    });
    expect(early.status).toBe(400);
    expect(early.body.error.details[0]).toEqual({
      path: 'date',
      message: 'The date cannot be before 2026-12-21',
    });
    const hired = await as(manager)('POST', `/hr/candidates/${ids.cy}/stage`, {
      stage: 'hired',
      date: '2027-01-05',
      version: 1,
    });
    expect(hired.status).toBe(400);
    const list = await as(manager)('GET', `/hr/openings/${ids.opening}/candidates`);
    expect(list.body.items.map((c: { name: string; stage: string }) => [c.name, c.stage])).toEqual([
      ['Ana Applicant', 'applied'],
      ['Cy Applicant', 'applied'],
      ['Ben Applicant', 'interview'],
    ]);
    expect((await as(manager)('GET', `/hr/openings/${ids.opening}`)).body.candidateCount).toBe(3);
  });

  it('take interview notes and one scorecard per interviewer', async () => {
    const note = await as(manager)('POST', `/hr/candidates/${ids.ben}/notes`, {
      text: 'Warm with patients.',
    });
    expect(note.status).toBe(201);
    const bad = await as(manager)('PUT', `/hr/candidates/${ids.ben}/scorecard`, {
      ratings: [{ area: 'Communication', score: 6 }],
      recommendation: 'yes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toEqual({ path: 'ratings.0.score', message: 'Rate from 1 to 5' });
    await as(manager)('PUT', `/hr/candidates/${ids.ben}/scorecard`, {
      ratings: [{ area: 'Communication', score: 3 }],
      recommendation: 'no',
    });
    await as(manager)('PUT', `/hr/candidates/${ids.ben}/scorecard`, {
      ratings: [
        { area: 'Communication', score: 5 },
        { area: 'Clinical skills', score: 4 },
      ],
      recommendation: 'yes',
    });
    const res = await as(owner)('PUT', `/hr/candidates/${ids.ben}/scorecard`, {
      ratings: [{ area: 'Communication', score: 4 }],
      recommendation: 'strong_yes',
      comment: 'Hire',
    });
    expect(res.status).toBe(200);
    expect(res.body.notes.map((n: { text: string; byName: string }) => [n.text, n.byName])).toEqual([
      ['Warm with patients.', 'Mia Manager'],
    ]);
    // The manager's second save replaced their first.
    expect(
      res.body.scorecards.map((s: { interviewerName: string; recommendation: string }) => [
        s.interviewerName,
        s.recommendation,
      ]),
    ).toEqual([
      ['Mia Manager', 'yes'],
      ['Olivia Owner', 'strong_yes'],
    ]);
  });

  it('are hired on an offer: a staff record is created and the opening filled', async () => {
    const notYet = await as(manager)('POST', `/hr/candidates/${ids.ana}/hire`, { version: 1 });
    expect(notYet.status).toBe(400);
    expect(notYet.body.error.message).toBe('Make an offer before hiring');

    const offer = await as(manager)('PUT', `/hr/candidates/${ids.ben}/offer`, {
      pay: { type: 'hourly', rateCents: 2150 },
      startDate: '2027-02-01',
      version: 2,
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(200);
    expect(offer.body).toMatchObject({
      stage: 'offer',
      offer: { pay: { type: 'hourly', rateCents: 2150 }, startDate: '2027-02-01' },
      version: 3,
    });
    const hire = await as(manager)('POST', `/hr/candidates/${ids.ben}/hire`, { version: 3 });
    expect(hire.status, JSON.stringify(hire.body)).toBe(201);
    expect(hire.body.candidate.stage).toBe('hired');
    const person = await as(manager)('GET', `/hr/staff/${hire.body.staffId}`);
    expect(person.body).toMatchObject({
      name: 'Ben Applicant',
      jobTitle: 'Medical assistant',
      staffRole: 'medical_assistant',
      locationIds: [ids.location],
      hireDate: '2027-02-01',
      employmentType: 'full_time',
      fte: 1,
      email: 'ben@example.com',
      pay: { type: 'hourly', rateCents: 2150 },
    });
    const opening = (await as(manager)('GET', `/hr/openings/${ids.opening}`)).body;
    expect(opening).toMatchObject({ status: 'filled', filledByStaffId: hire.body.staffId });
    // Hiring twice is refused; so is adding to a filled opening.
    expect((await as(manager)('POST', `/hr/candidates/${ids.ben}/hire`, { version: 4 })).status).toBe(409);
    expect(
      (
        await as(manager)('POST', `/hr/openings/${ids.opening}/candidates`, {
          firstName: 'Late',
          lastName: 'Comer',
          appliedOn: '2027-01-05',
        })
      ).status,
    ).toBe(409);
  });
});

describe('who sees candidates', () => {
  it('no one but owners and managers: 403 for every other role', async () => {
    for (const s of [staff, provider, billing]) {
      expect((await as(s)('GET', '/hr/openings')).status).toBe(403);
      expect((await as(s)('GET', `/hr/openings/${ids.opening}/candidates`)).status).toBe(403);
      expect((await as(s)('GET', `/hr/candidates/${ids.ben}`)).status).toBe(403);
      expect((await as(s)('POST', `/hr/candidates/${ids.ana}/notes`, { text: 'x' })).status).toBe(403);
    }
  });

  it('another practice gets 404 and sees none', async () => {
    expect((await as(other)('GET', `/hr/candidates/${ids.ben}`)).status).toBe(404);
    expect((await as(other)('GET', `/hr/openings/${ids.opening}`)).status).toBe(404);
    expect((await as(other)('GET', `/hr/openings/${ids.opening}/candidates`)).status).toBe(404);
    expect((await as(other)('POST', `/hr/candidates/${ids.ana}/notes`, { text: 'x' })).status).toBe(404);
    expect((await as(other)('GET', '/hr/openings')).body.items).toEqual([]);
  });
});
