import { beforeAll, describe, expect, it } from 'vitest';
import { signUpPractice } from '../support/app.ts';
import {
  approvedPolicy,
  as,
  desk,
  manager,
  other,
  para,
  provider,
  setUpPractice,
  t,
  todayTitles,
} from './version-world.ts';

beforeAll(setUpPractice);

describe('approval', () => {
  it('asks the named approver in Today; sending back needs a comment and returns it to draft', async () => {
    const created = await as(manager)('POST', '/documents', {
      title: 'Visitor badge policy',
      folder: 'policies',
      blocks: [para('Visitors wear a badge.')],
    });
    const sent = await as(manager)('POST', `/documents/${created.body.id}/submit`, {
      approverIds: [provider.userId],
      version: created.body.version,
    });
    expect(sent.body.latest).toMatchObject({
      status: 'in_review',
      approvers: [{ userId: provider.userId, name: 'Dr. Priya Raman', decision: 'pending' }],
    });
    expect(await todayTitles(provider)).toContain('Approve “Visitor badge policy” (version 1)');
    // The approver (a provider, who never sees drafts) reads the version they are asked to approve.
    const read = await as(provider)('GET', `/documents/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.latest.status).toBe('in_review');
    // The front desk is not asked and does not see it.
    expect((await as(desk)('GET', `/documents/${created.body.id}`)).status).toBe(404);
    expect(
      (await as(desk)('POST', `/documents/${created.body.id}/review`, { decision: 'approve', version: 2 }))
        .status,
    ).toBe(404);
    const bare = await as(provider)('POST', `/documents/${created.body.id}/review`, {
      decision: 'send_back',
      version: sent.body.version,
    });
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.body.error.details)).toContain(
      'Say what should change before sending it back',
    );
    const back = await as(provider)('POST', `/documents/${created.body.id}/review`, {
      decision: 'send_back',
      comment: 'Add what contractors wear.',
      version: sent.body.version,
    });
    expect(back.status).toBe(200);
    const mine = await as(manager)('GET', `/documents/${created.body.id}`);
    expect(mine.body.latest.status).toBe('draft');
    expect(mine.body.latest.events.map((e: { action: string }) => e.action)).toEqual([
      'submitted',
      'sent_back',
    ]);
    expect(await todayTitles(manager)).toContain('Revise “Visitor badge policy” (version 1): sent back');
    expect(await todayTitles(provider)).not.toContain('Approve “Visitor badge policy”');
  });

  it('refuses a sign-by day in the past, and publishes nothing', async () => {
    const approved = await approvedPolicy('Sharps disposal');
    const res = await as(manager)('POST', `/documents/${approved.id}/publish`, {
      audience: { roles: ['staff'], userIds: [] },
      signBy: '2020-01-01',
      version: approved.version,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'signBy', message: 'Choose a sign-by day from today on' },
    ]);
    expect((await as(manager)('GET', `/documents/${approved.id}`)).body.latestStatus).toBe('approved');
  });

  it('an empty draft cannot go for approval; a practice of one approves its own', async () => {
    const solo = await signUpPractice(t, 'Solo Practice');
    const created = await as(solo)('POST', '/documents', { title: 'Solo policy', folder: 'policies' });
    const empty = await as(solo)('POST', `/documents/${created.body.id}/submit`, {
      approverIds: [solo.userId],
      version: created.body.version,
    });
    expect(empty.status).toBe(409);
    expect(empty.body.error.message).toContain('Write the text or attach a PDF');
    const saved = await as(solo)('PUT', `/documents/${created.body.id}/draft`, {
      blocks: [para('Lock the door.')],
      version: created.body.version,
    });
    const sent = await as(solo)('POST', `/documents/${created.body.id}/submit`, {
      approverIds: [solo.userId],
      version: saved.body.version,
    });
    const ok = await as(solo)('POST', `/documents/${created.body.id}/review`, {
      decision: 'approve',
      version: sent.body.version,
    });
    expect(ok.body.latest.status).toBe('approved');
  });

  it('refuses approvers who are not on the team, in words', async () => {
    const created = await as(manager)('POST', '/documents', {
      title: 'Parking',
      folder: 'policies',
      blocks: [para('Park at the back.')],
    });
    const res = await as(manager)('POST', `/documents/${created.body.id}/submit`, {
      approverIds: [other.userId],
      version: created.body.version,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'approverIds', message: 'Choose approvers who are on the team' },
    ]);
    expect((await as(manager)('GET', `/documents/${created.body.id}`)).body.latest.status).toBe('draft');
  });
});
