/**
 * A published policy, its versions and signature sheets as the API answers them: what the print and
 * evidence tests render.
 */
import { createHash } from 'node:crypto';
import { versionContentText } from '../../shared/documents/content-hash.ts';
import type { Letterhead } from '../../shared/pdf/branded-pdf.ts';
import type { DocumentDto, DocumentVersion, SignatureSheet } from '../../shared/schemas/documents.ts';
import { solidPng } from '../support/pdf-tools.ts';

export const ZONE = 'America/New_York';
export const LETTERHEAD: Letterhead = {
  name: 'Maple Street Family Medicine',
  addressLines: ['412 Maple Street', 'Columbus, OH 43215'],
  phone: '(614) 555-0142',
  primaryColor: '#1d3557',
  logo: { bytes: solidPng(80, 40, [214, 40, 40]), type: 'png' },
};

export const DOC: DocumentDto = {
  id: '01J0000000000000000000DOC1',
  title: 'Workstation Security Policy',
  folder: 'policies',
  tags: ['hipaa'],
  latestStatus: 'published',
  latestVersion: 2,
  publishedVersion: 2,
  publishedAt: '2027-03-04T14:12:00.000Z',
  updatedAt: '2027-03-04T14:12:00.000Z',
  updatedByName: 'Dana Lee',
  version: 7,
};

/** A version as the API returns it, its hash computed the way publishing does. */
export function version(
  number: number,
  text: string,
  overrides: Partial<DocumentVersion> = {},
): DocumentVersion {
  const blocks: DocumentVersion['blocks'] = [
    { kind: 'heading', level: 1, text: [{ text: 'Purpose' }] },
    { kind: 'paragraph', text: [{ text }] },
  ];
  const hashed = { documentId: DOC.id, title: DOC.title, number, blocks };
  return {
    number,
    status: 'published',
    blocks,
    createdAt: '2027-03-01T15:00:00.000Z',
    createdByName: 'Dana Lee',
    updatedAt: '2027-03-04T14:12:00.000Z',
    approvers: [
      {
        userId: '01J00000000000000000000AN1',
        name: 'Ann Smith',
        decision: 'approved',
        decidedAt: '2027-03-03T21:00:00.000Z',
      },
    ],
    events: [
      { at: '2027-03-02T14:00:00.000Z', byName: 'Dana Lee', action: 'submitted' },
      {
        at: '2027-03-02T16:30:00.000Z',
        byName: 'Ann Smith',
        action: 'sent_back',
        comment: 'Say "five minutes",\nnot "a few"',
      },
      { at: '2027-03-03T13:00:00.000Z', byName: 'Dana Lee', action: 'submitted' },
      { at: '2027-03-03T21:00:00.000Z', byName: 'Ann Smith', action: 'approved' },
      { at: '2027-03-04T14:12:00.000Z', byName: 'Dana Lee', action: 'published' },
    ],
    publishedAt: '2027-03-04T14:12:00.000Z',
    publishedByName: 'Dana Lee',
    contentHash: createHash('sha256').update(versionContentText(hashed)).digest('hex'),
    audience: { roles: ['staff', 'provider'], userIds: [] },
    signBy: '2027-03-18',
    ...overrides,
  };
}

export function sheetFor(v: DocumentVersion): SignatureSheet {
  const hash = v.contentHash!;
  const signature = (userId: string, name: string, typedName: string, signedAt: string) => ({
    documentId: DOC.id,
    versionNumber: v.number,
    userId,
    name,
    typedName,
    signedAt,
    clientIp: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64), "Chrome"',
    contentHash: hash,
  });
  return {
    versionNumber: v.number,
    contentHash: hash,
    audience: v.audience!,
    signed: [
      signature('01J00000000000000000000RP1', 'Robin Park', 'Robin A. Park', '2027-03-05T15:45:00.000Z'),
      signature('01J00000000000000000000JO1', 'José Núñez', '=HYPERLINK("x")', '2027-03-04T20:01:00.000Z'),
    ],
    missing: [
      { userId: '01J00000000000000000000SO1', name: 'Sam Ortiz', role: 'provider' },
      { userId: '01J00000000000000000000KB1', name: 'Kim Brown', role: 'staff' },
    ],
  };
}

export const V2 = version(2, 'Every workstation locks after five minutes idle.');
export const SHEET2 = sheetFor(V2);
