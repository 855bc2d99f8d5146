import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, logIn, type Session } from '../support/app.ts';
import {
  approvedPolicy,
  as,
  desk,
  desk2,
  manager,
  other,
  owner,
  para,
  provider,
  setUpPractice,
  t,
  todayTitles,
} from './version-world.ts';

beforeAll(setUpPractice);

import { versionContentText } from '../../shared/documents/content-hash.ts';

describe('publishing and signatures', () => {
  let doc: { id: string; version: number };

  beforeAll(async () => {
    const approved = await approvedPolicy('Workstation security policy');
    const published = await as(manager)('POST', `/documents/${approved.id}/publish`, {
      audience: { roles: ['staff'], userIds: [provider.userId] },
      signBy: '2027-01-15',
      version: approved.version,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    doc = published.body;
  });

  it('publishes with the hash of its text and asks the audience in Today', async () => {
    const read = await as(desk)('GET', `/documents/${doc.id}`);
    expect(read.status).toBe(200);
    expect(read.body.latest).toMatchObject({ status: 'published', number: 1, signBy: '2027-01-15' });
    expect(read.body.mySignOff).toEqual({ version: 1, asked: true });
    const expected = createHash('sha256')
      .update(versionContentText({ documentId: doc.id, number: 1, blocks: read.body.latest.blocks }))
      .digest('hex');
    expect(read.body.latest.contentHash).toBe(expected);
    for (const s of [desk, desk2, provider]) {
      expect(await todayTitles(s)).toContain('Read and sign “Workstation security policy” (version 1)');
    }
    expect(await todayTitles(manager)).not.toContain('Read and sign “Workstation security policy”');
    // The front desk now finds it in the library, by a word of its text.
    const found = await as(desk)('GET', '/documents?q=screens%20lock');
    expect(found.body.items.map((d: { title: string }) => d.title)).toEqual(['Workstation security policy']);
  });

  it('records the signer, typed name, time, address and the hash of the version signed', async () => {
    const awaiting = async (s: Session) =>
      (await as(s)('GET', '/documents?folder=policies')).body.items.find(
        (d: { id: string }) => d.id === doc.id,
      )?.awaitingMySignature;
    expect(await awaiting(desk)).toBe(true);
    expect(await awaiting(manager)).toBeUndefined();
    const res = await as(desk)('POST', `/documents/${doc.id}/versions/1/signatures`, {
      typedName: 'Dana M. Desk',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const version = (await as(desk)('GET', `/documents/${doc.id}/versions/1`)).body;
    expect(res.body).toMatchObject({
      userId: desk.userId,
      name: 'Dana Desk',
      typedName: 'Dana M. Desk',
      versionNumber: 1,
      contentHash: version.contentHash,
    });
    expect(res.body.clientIp).toBeTruthy();
    expect(
      createHash('sha256')
        .update(versionContentText({ documentId: doc.id, number: 1, blocks: version.blocks }))
        .digest('hex'),
    ).toBe(res.body.contentHash);
    expect((await as(desk)('GET', `/documents/${doc.id}`)).body.mySignOff.signedAt).toBe(res.body.signedAt);
    expect(await awaiting(desk)).toBeUndefined();
    expect(await awaiting(desk2)).toBe(true);
    expect(await todayTitles(desk)).not.toContain('Read and sign “Workstation security policy”');
    const again = await as(desk)('POST', `/documents/${doc.id}/versions/1/signatures`, {
      typedName: 'Dana Desk',
    });
    expect(again.status).toBe(409);
    // The manager is not asked; a bare name is refused in words.
    expect(
      (await as(manager)('POST', `/documents/${doc.id}/versions/1/signatures`, { typedName: 'Mona Manager' }))
        .status,
    ).toBe(409);
    const blank = await as(desk2)('POST', `/documents/${doc.id}/versions/1/signatures`, { typedName: ' ' });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body.error.details)).toContain('Type your full name to sign');
  });

  it('shows the manager who signed and who is missing, and reminds the missing by email', async () => {
    const sheet = await as(manager)('GET', `/documents/${doc.id}/versions/1/signatures`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.signed.map((s: { name: string }) => s.name)).toEqual(['Dana Desk']);
    expect(sheet.body.missing.map((p: { name: string }) => p.name)).toEqual(['Dr. Priya Raman', 'Drew Desk']);
    expect((await as(desk)('GET', `/documents/${doc.id}/versions/1/signatures`)).status).toBe(403);
    const reminded = await as(manager)('POST', `/documents/${doc.id}/remind`);
    expect(reminded.body).toEqual({ reminded: 2 });
    const again = await as(manager)('POST', `/documents/${doc.id}/remind`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('already reminded today');
    const outbox = await as(owner)('GET', '/outbox?limit=100');
    const reminders = outbox.body.items.filter((m: { subject: string }) =>
      m.subject.includes('Please read and sign “Workstation security policy”'),
    );
    expect(reminders).toHaveLength(2);
  });

  it('never changes published text: every route refuses, and a change is a new version', async () => {
    const draft = await as(manager)('PUT', `/documents/${doc.id}/draft`, {
      blocks: [para('Changed')],
      version: doc.version,
    });
    expect(draft.status).toBe(409);
    expect(draft.body.error.message).toContain('published and never changes');
    const resubmit = await as(manager)('POST', `/documents/${doc.id}/submit`, {
      approverIds: [owner.userId],
      version: doc.version,
    });
    expect(resubmit.status).toBe(409);
    const review = await as(owner)('POST', `/documents/${doc.id}/review`, {
      decision: 'approve',
      version: doc.version,
    });
    expect(review.status).toBe(409);
    const republish = await as(manager)('POST', `/documents/${doc.id}/publish`, {
      audience: { roles: [], userIds: [] },
      version: doc.version,
    });
    expect(republish.status).toBe(409);
    const unchanged = await as(manager)('GET', `/documents/${doc.id}/versions/1`);
    expect(unchanged.body.blocks).toEqual([para('Screens lock after five minutes.')]);
  });

  it('a new version asks everyone again; the old signatures stay with the old version', async () => {
    const current = (await as(manager)('GET', `/documents/${doc.id}`)).body;
    const started = await as(manager)('POST', `/documents/${doc.id}/versions`, { version: current.version });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.latest).toMatchObject({ number: 2, status: 'draft' });
    expect(started.body.published.number).toBe(1);
    const edited = await as(manager)('PUT', `/documents/${doc.id}/draft`, {
      blocks: [para('Screens lock after three minutes.')],
      changeNote: 'Three minutes, per the risk assessment',
      version: started.body.version,
    });
    expect(edited.status).toBe(200);
    // The front desk still reads version 1 while version 2 is a draft.
    expect((await as(desk)('GET', `/documents/${doc.id}`)).body.latest.number).toBe(1);
    expect((await as(desk)('GET', `/documents/${doc.id}/versions/2`)).status).toBe(404);
    const sent = await as(manager)('POST', `/documents/${doc.id}/submit`, {
      approverIds: [owner.userId],
      version: edited.body.version,
    });
    const ok = await as(owner)('POST', `/documents/${doc.id}/review`, {
      decision: 'approve',
      version: sent.body.version,
    });
    const v2 = await as(manager)('POST', `/documents/${doc.id}/publish`, {
      audience: { roles: ['staff'], userIds: [] },
      version: ok.body.version,
    });
    expect(v2.status).toBe(200);
    expect(await todayTitles(desk)).toContain('Read and sign “Workstation security policy” (version 2)');
    // The provider is no longer asked: their open item for version 1 is closed.
    expect(await todayTitles(provider)).not.toContain('Workstation security policy');
    const old = await as(desk)('POST', `/documents/${doc.id}/versions/1/signatures`, {
      typedName: 'Dana Desk',
    });
    expect(old.status).toBe(409);
    const sheet1 = (await as(manager)('GET', `/documents/${doc.id}/versions/1/signatures`)).body;
    expect(sheet1.signed.map((s: { name: string }) => s.name)).toEqual(['Dana Desk']);
    const sheet2 = (await as(manager)('GET', `/documents/${doc.id}/versions/2/signatures`)).body;
    expect(sheet2.signed).toEqual([]);
    expect(sheet2.missing.map((p: { name: string }) => p.name)).toEqual(['Dana Desk', 'Drew Desk']);
    const history = await as(desk)('GET', `/documents/${doc.id}/versions`);
    expect(history.body.items.map((v: { number: number }) => v.number)).toEqual([2, 1]);
  });

  it('asks a new team member for what their role must sign when they join', async () => {
    const newcomer = await addMember(t, owner, 'staff', 'Nia Newcomer');
    expect(await todayTitles(newcomer)).toContain('Read and sign “Workstation security policy” (version 2)');
    const billing = await addMember(t, owner, 'billing', 'Bo Biller');
    expect(await todayTitles(billing)).not.toContain('Workstation security policy');
    const signed = await as(newcomer)('POST', `/documents/${doc.id}/versions/2/signatures`, {
      typedName: 'Nia Newcomer',
    });
    expect(signed.status).toBe(201);
  });

  it('asks someone whose new role must sign, but not again for what they signed', async () => {
    const member = async (name: string) => {
      const team = await as(owner)('GET', '/team?limit=100');
      return team.body.items.find((u: { name: string }) => u.name === name) as {
        id: string;
        version: number;
      };
    };
    const setRole = async (name: string, role: string) => {
      const u = await member(name);
      const res = await as(owner)('PATCH', `/team/${u.id}/role`, { role, version: u.version });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    const bo = await logIn(
      t,
      (await as(owner)('GET', '/team?limit=100')).body.items.find(
        (u: { name: string }) => u.name === 'Bo Biller',
      ).email,
    );
    await setRole('Bo Biller', 'staff');
    expect(await todayTitles(bo)).toContain('Read and sign “Workstation security policy” (version 2)');
    // Nia signed version 2 as staff: moving her to provider and back asks nothing again.
    await setRole('Nia Newcomer', 'provider');
    await setRole('Nia Newcomer', 'staff');
    const nia = await logIn(
      t,
      (await as(owner)('GET', '/team?limit=100')).body.items.find(
        (u: { name: string }) => u.name === 'Nia Newcomer',
      ).email,
    );
    expect(await todayTitles(nia)).not.toContain('Read and sign “Workstation security policy”');
  });

  it('exports the evidence: each published version with its approvals and signatures', async () => {
    const res = await as(manager)('GET', `/documents/${doc.id}/evidence`);
    expect(res.status).toBe(200);
    expect(res.body.versions.map((v: { version: { number: number } }) => v.version.number)).toEqual([1, 2]);
    expect(res.body.versions[0].version.events.map((e: { action: string }) => e.action)).toEqual([
      'submitted',
      'approved',
      'published',
    ]);
    expect(res.body.versions[1].sheet.signed.map((s: { name: string }) => s.name)).toEqual(['Nia Newcomer']);
    expect((await as(desk)('GET', `/documents/${doc.id}/evidence`)).status).toBe(403);
  });

  it('another practice’s document, version and signatures are 404s', async () => {
    for (const path of [
      `/documents/${doc.id}`,
      `/documents/${doc.id}/versions`,
      `/documents/${doc.id}/versions/1`,
      `/documents/${doc.id}/versions/1/signatures`,
      `/documents/${doc.id}/evidence`,
    ]) {
      expect((await as(other)('GET', path)).status, path).toBe(404);
    }
    expect(
      (await as(other)('POST', `/documents/${doc.id}/versions/2/signatures`, { typedName: 'Someone Else' }))
        .status,
    ).toBe(404);
    expect((await as(other)('POST', `/documents/${doc.id}/remind`)).status).toBe(404);
  });
});
