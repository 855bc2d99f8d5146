import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

let t: TestApp;
let manager: Session;
let staff: Session;
let other: Session;

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });
const titles = (body: { items: { title: string }[] }) => body.items.map((d) => d.title);

beforeAll(async () => {
  t = await createTestApp();
  manager = await signUpPractice(t, 'Library Practice');
  staff = await addMember(t, manager, 'staff', 'Kim Desk');
  other = await signUpPractice(t, 'Other Practice');
  for (const [title, folder, tags] of [
    ['Workstation security policy', 'policies', ['HIPAA', 'hipaa', 'IT']],
    ['Bloodborne pathogens exposure plan', 'policies', ['osha']],
    ['Employee handbook', 'handbook', []],
    ['Annual wellness visit handout', 'patient_education', []],
  ] as const) {
    const res = await as(manager)('POST', '/documents', { title, folder, tags });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});

describe('the document library', () => {
  it('creates a document with its first draft, tags kept once in lower case', async () => {
    const res = await as(manager)('POST', '/documents', {
      title: 'Fax cover sheet',
      folder: 'forms',
      tags: ['Forms', ' forms '],
      blocks: [{ kind: 'paragraph', text: [{ text: 'Confidential: for the addressee only.' }] }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Fax cover sheet',
      folder: 'forms',
      tags: ['forms'],
      latestVersion: 1,
    });
    expect(res.body.latest).toMatchObject({
      number: 1,
      status: 'draft',
      createdByName: 'Olivia Owner',
    });
    const read = await as(manager)('GET', `/documents/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.latest.blocks[0].text[0].text).toBe('Confidential: for the addressee only.');
    // Drafts are for owners and managers: the front desk does not find what is not published.
    expect((await as(staff)('GET', `/documents/${res.body.id}`)).status).toBe(404);
  });

  it('lists a folder by title and everything by last change, both ways', async () => {
    const policies = await as(manager)('GET', '/documents?folder=policies');
    expect(titles(policies.body)).toEqual([
      'Bloodborne pathogens exposure plan',
      'Workstation security policy',
    ]);
    const zToA = await as(manager)('GET', '/documents?folder=policies&order=desc');
    expect(titles(zToA.body)).toEqual(['Workstation security policy', 'Bloodborne pathogens exposure plan']);
    const recent = await as(manager)('GET', '/documents?sort=updated&limit=2');
    expect(recent.body.items).toHaveLength(2);
    expect(recent.body.nextCursor).toBeTruthy();
    const next = await as(manager)(
      'GET',
      `/documents?sort=updated&limit=2&cursor=${encodeURIComponent(recent.body.nextCursor)}`,
    );
    expect(next.body.items.length).toBeGreaterThan(0);
    expect(titles(next.body)).not.toContain(recent.body.items[0].title);
    const noFolder = await as(manager)('GET', '/documents?sort=title');
    expect(noFolder.status).toBe(400);
    expect(noFolder.body.error.details).toEqual([
      { path: 'sort', message: 'Choose a folder to list by title, or sort by updated' },
    ]);
  });

  it('finds documents by the words of their title and text, as typed', async () => {
    expect(titles((await as(manager)('GET', '/documents?q=secur')).body)).toEqual([
      'Workstation security policy',
    ]);
    expect(titles((await as(manager)('GET', '/documents?q=Plan%20blood')).body)).toEqual([
      'Bloodborne pathogens exposure plan',
    ]);
    expect((await as(manager)('GET', '/documents?q=security&folder=handbook')).body.items).toEqual([]);
  });

  it('renaming moves the search words; a stale form is refused', async () => {
    const [doc] = (await as(manager)('GET', '/documents?q=handbook')).body.items;
    const renamed = await as(manager)('PUT', `/documents/${doc.id}`, {
      title: 'Staff handbook 2027',
      folder: 'handbook',
      tags: ['onboarding'],
      version: doc.version,
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(titles((await as(manager)('GET', '/documents?q=staff')).body)).toEqual(['Staff handbook 2027']);
    expect((await as(manager)('GET', '/documents?q=employee')).body.items).toEqual([]);
    const stale = await as(manager)('PUT', `/documents/${doc.id}`, {
      title: 'Old name',
      folder: 'handbook',
      tags: [],
      version: doc.version,
    });
    expect(stale.status).toBe(409);
    expect((await as(manager)('GET', `/documents/${doc.id}`)).body.title).toBe('Staff handbook 2027');
  });

  it('saves the draft’s text and change note, version-checked', async () => {
    const created = (
      await as(manager)('POST', '/documents', { title: 'Opening checklist', folder: 'procedures' })
    ).body;
    const blocks = [
      { kind: 'heading', level: 2, text: [{ text: 'Before 8 AM' }] },
      {
        kind: 'list',
        ordered: true,
        items: [[{ text: 'Unlock the front door' }], [{ text: 'Start the check-in kiosk' }]],
      },
    ];
    const saved = await as(manager)('PUT', `/documents/${created.id}/draft`, {
      blocks,
      changeNote: 'First steps',
      version: created.version,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.latest).toMatchObject({
      number: 1,
      status: 'draft',
      changeNote: 'First steps',
      blocks,
    });
    const stale = await as(manager)('PUT', `/documents/${created.id}/draft`, {
      blocks: [],
      version: created.version,
    });
    expect(stale.status).toBe(409);
    expect((await as(manager)('GET', `/documents/${created.id}`)).body.latest.blocks).toEqual(blocks);
  });

  it('says what is wrong with a bad document in words, and writes nothing', async () => {
    const res = await as(manager)('POST', '/documents', { title: ' ', folder: 'memos', tags: ['#1'] });
    expect(res.status).toBe(400);
    const messages = JSON.stringify(res.body.error.details);
    expect(messages).toContain('Required');
    expect(messages).toContain('Choose a folder');
    expect(messages).toContain('Use letters, digits, spaces and dashes in tags');
    expect((await as(manager)('GET', '/documents?q=memos')).body.items).toEqual([]);
  });

  it('refuses text too long for one version in words, and keeps the draft as it was', async () => {
    const created = (await as(manager)('POST', '/documents', { title: 'Long manual', folder: 'procedures' }))
      .body;
    const blocks = Array.from({ length: 1000 }, (_, i) => ({
      kind: 'paragraph',
      text: [{ text: `${i} ${'Wash your hands before and after every patient. '.repeat(7)}` }],
    }));
    const res = await as(manager)('PUT', `/documents/${created.id}/draft`, {
      blocks,
      version: created.version,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].message).toMatch(/too long for one version \(\d+ KB; at most 350 KB\)/);
    expect((await as(manager)('GET', `/documents/${created.id}`)).body.latest.blocks).toEqual([]);
  });

  it('front desk reads but does not write; another practice finds nothing', async () => {
    expect((await as(staff)('POST', '/documents', { title: 'Mine', folder: 'forms' })).status).toBe(403);
    expect((await as(staff)('GET', '/documents?folder=policies')).body.items).toEqual([]);
    const [doc] = (await as(manager)('GET', '/documents?folder=policies')).body.items;
    expect((await as(other)('GET', `/documents/${doc.id}`)).status).toBe(404);
    expect((await as(other)('GET', '/documents?folder=policies')).body.items).toEqual([]);
    expect((await as(other)('GET', '/documents?q=security')).body.items).toEqual([]);
  });
});
