import { expect } from 'vitest';
import { addMember, createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

/**
 * The practice the document workflow tests run in (versions.test.ts, approvals.test.ts): an owner,
 * a manager, two front-desk staff, a provider, and another practice. Exported as live bindings:
 * each file calls `setUpPractice` in its beforeAll and reads the sessions after.
 */
export let t: TestApp;
export let owner: Session;
export let manager: Session;
export let desk: Session;
export let desk2: Session;
export let provider: Session;
export let other: Session;

export const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });
export const para = (text: string) => ({ kind: 'paragraph', text: [{ text }] });
export const todayTitles = async (s: Session) => {
  const res = await as(s)('GET', '/today');
  const sections = res.body as Record<string, { items?: { title: string }[] } | unknown>;
  return JSON.stringify(sections);
};

/** Signs the practice up with its team, once per test file. */
export async function setUpPractice(): Promise<void> {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Signing Practice');
  manager = await addMember(t, owner, 'manager', 'Mona Manager');
  desk = await addMember(t, owner, 'staff', 'Dana Desk');
  desk2 = await addMember(t, owner, 'staff', 'Drew Desk');
  provider = await addMember(t, owner, 'provider', 'Dr. Priya Raman');
  other = await signUpPractice(t, 'Other Signing Practice');
}

/** A policy written by the manager, sent to the owner, approved: ready to publish. */
export async function approvedPolicy(title: string, text = 'Screens lock after five minutes.') {
  const created = await as(manager)('POST', '/documents', {
    title,
    folder: 'policies',
    blocks: [para(text)],
  });
  expect(created.status).toBe(201);
  const sent = await as(manager)('POST', `/documents/${created.body.id}/submit`, {
    approverIds: [owner.userId],
    message: 'Please approve before the audit',
    version: created.body.version,
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const ok = await as(owner)('POST', `/documents/${created.body.id}/review`, {
    decision: 'approve',
    version: sent.body.version,
  });
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  expect(ok.body.latest.status).toBe('approved');
  return ok.body as { id: string; version: number; latest: { number: number } };
}
