/**
 * Signatures: a person the version in force asks signs it with their typed full name; the record
 * keeps when, from which client address and the SHA-256 of the exact text. Managers see who signed
 * each published version and who has not, remind the missing by email, and export the evidence.
 * The team and the practice are read through tenants' exported `listUsers` (members.service.ts) and `getTenant`.
 */
import { staffDate } from '../../shared/locale.ts';
import type { Evidence, Sign, Signature, SignatureSheet } from '../../shared/schemas/documents.ts';
import type { User } from '../../shared/schemas/team.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { queueMail } from '../platform/mail/outbox.ts';
import type { Platform } from '../platform/platform.ts';
import { publicUrl } from '../platform/public-url.ts';
import { askedByName, isAskedByName, signedOp } from '../platform/sign-offs/sign-off-asks.ts';
import { signOffItemId } from '../platform/sign-offs/sign-offs.ts';
import { closeIfOpenOps } from '../platform/today/today-items.ts';
import { getTenant } from '../tenants/settings.service.ts';
import { asks, documentLink, requireDocument, toDto, versionDto } from './document-views.ts';
import { documentsRepo, type StoredVersion } from './documents.repo.ts';
import { activeTeam, audienceMembers, contentHashOf } from './publish.ts';

/** Signs the version in force as the caller, if it asks them; their Today item closes with it. */
export async function sign(
  db: TenantDb,
  id: string,
  n: number,
  input: Sign,
  client: { ip: string; userAgent?: string },
): Promise<Signature> {
  const doc = await requireDocument(db, id);
  const v = await documentsRepo.getVersion(db, id, n);
  if (v?.status !== 'published') throw notFound('Version');
  if (doc.publishedVersion !== n) {
    throw conflict(`Version ${doc.publishedVersion} replaced version ${n}. Read and sign that one.`);
  }
  if (
    !asks(v.audience, { userId: db.actor.userId, role: db.actor.role }) &&
    !(await isAskedByName(db, 'documents', id, db.actor.userId))
  ) {
    throw conflict(`Version ${n} does not ask you to sign it`);
  }
  const signature: Signature = {
    documentId: id,
    versionNumber: n,
    userId: db.actor.userId,
    name: db.actor.name,
    typedName: input.typedName,
    signedAt: db.now().toISOString(),
    clientIp: client.ip,
    ...(client.userAgent ? { userAgent: client.userAgent.slice(0, 300) } : {}),
    // Recomputed from the stored text, not copied, so the record proves what was there to read.
    contentHash: contentHashOf(v),
  };
  await db.write(
    [
      documentsRepo.signOp(db, signature),
      // Read by modules that asked this person by name (HR's onboarding ticks its task from it).
      signedOp(db, {
        source: 'documents',
        ref: id,
        userId: db.actor.userId,
        round: n,
        signedAt: signature.signedAt,
      }),
      ...(await closeIfOpenOps(db, [signOffItemId('documents', id, db.actor.userId)])),
    ],
    {
      action: 'document.signed',
      entityType: 'document',
      entityId: id,
      entityName: doc.title,
      detail: `Version ${n}`,
      summary: `Signed version ${n} as “${input.typedName}”`,
    },
  );
  return signature;
}

/** Who signed a published version and who it asks that has not (active team members only). */
export async function signatureSheet(db: TenantDb, id: string, n: number): Promise<SignatureSheet> {
  await requireDocument(db, id);
  const v = await documentsRepo.getVersion(db, id, n);
  if (v?.status !== 'published') throw notFound('Version');
  return sheetOf(db, v, await activeTeam(db));
}

async function sheetOf(db: TenantDb, v: StoredVersion, team: readonly User[]): Promise<SignatureSheet> {
  const signed = await documentsRepo.signatures(db, v.documentId, v.number);
  const audience = v.audience ?? { roles: [], userIds: [] };
  const done = new Set(signed.map((s) => s.userId));
  // People another module asked by name (a new hire's handbook) are on the sheet like the audience.
  const byName = await askedByName(db, 'documents', v.documentId);
  const missing = audienceMembers(team, { ...audience, userIds: [...audience.userIds, ...byName] })
    .filter((u) => !done.has(u.id) && u.role !== 'assoc_admin' && u.role !== 'analyst')
    .map((u) => ({ userId: u.id, name: u.name, role: u.role as SignatureSheet['missing'][number]['role'] }));
  signed.sort((a, b) => a.signedAt.localeCompare(b.signedAt));
  return {
    versionNumber: v.number,
    contentHash: v.contentHash ?? contentHashOf(v),
    audience,
    signed: signed.map(signatureDto),
    missing: missing.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

const signatureDto = (s: Signature): Signature => ({
  documentId: s.documentId,
  versionNumber: s.versionNumber,
  userId: s.userId,
  name: s.name,
  typedName: s.typedName,
  signedAt: s.signedAt,
  clientIp: s.clientIp,
  ...(s.userAgent ? { userAgent: s.userAgent } : {}),
  contentHash: s.contentHash,
});

/** Messages one reminder write queues at most (each is one item of the transaction). */
const REMINDERS_PER_WRITE = 89;

/** Emails everyone the version in force asks who has not signed it yet, once a day; answers how many. */
export async function remindUnsigned(p: Platform, db: TenantDb, id: string): Promise<{ reminded: number }> {
  const doc = await requireDocument(db, id);
  if (doc.publishedVersion === undefined)
    throw conflict('Nothing is published yet, so nobody is asked to sign');
  const v = await documentsRepo.getVersion(db, id, doc.publishedVersion);
  if (!v) throw notFound('Version');
  const team = await activeTeam(db);
  const sheet = await sheetOf(db, v, team);
  const emails = new Map(team.map((u) => [u.id, u.email]));
  const tenant = await getTenant(db);
  const link = `${publicUrl(p)}${documentLink(id)}`;
  const mails = sheet.missing.map((person) =>
    queueMail(
      db,
      {
        to: emails.get(person.userId) ?? '',
        kind: 'documents.sign_reminder',
        subject: `Please read and sign “${doc.title}”`,
        text: [
          `Hello ${person.name},`,
          '',
          `${db.actor.name} at ${tenant.name} reminds you to read and sign “${doc.title}” (version ${v.number}).`,
          v.signBy ? `Please sign by ${staffDate(v.signBy)}.` : '',
          `Open it here: ${link}`,
        ]
          .filter((line, i, all) => line || all[i - 1])
          .join('\n'),
      },
      db.now(),
    ),
  );
  const day = db.now().toISOString().slice(0, 10);
  for (let i = 0; i < mails.length; i += REMINDERS_PER_WRITE) {
    const chunk = mails.slice(i, i + REMINDERS_PER_WRITE);
    // The first write also marks the day, so a second click (or a second manager) sends nothing twice.
    const marker = i === 0 ? [documentsRepo.remindedOp(db, id, v.number, day)] : [];
    await db.write([...marker, ...chunk.map((m) => m.op)], {
      action: 'document.reminders_sent',
      entityType: 'document',
      entityId: id,
      entityName: doc.title,
      detail: `${chunk.length}`,
      summary: `Reminded ${chunk.length} ${chunk.length === 1 ? 'person' : 'people'} to sign version ${v.number}`,
    });
    for (const m of chunk) await p.jobs.mailQueued({ tenantId: db.tenantId, messageId: m.message.id });
  }
  return { reminded: mails.length };
}

/** Everything an auditor asks for: each published version, its approvals and its signature sheet. */
export async function evidence(db: TenantDb, id: string): Promise<Evidence> {
  const doc = await requireDocument(db, id);
  const team = await activeTeam(db);
  const versions: StoredVersion[] = [];
  let cursor: string | undefined;
  do {
    const page = await documentsRepo.versions(db, id, { limit: 100, cursor });
    versions.push(...page.items.filter((v) => v.status === 'published'));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  versions.sort((a, b) => a.number - b.number);
  const sheets = await Promise.all(versions.map((v) => sheetOf(db, v, team)));
  await db.appendAudit({
    action: 'document.evidence_exported',
    entityType: 'document',
    entityId: id,
    entityName: doc.title,
    summary: `Exported the evidence of ${versions.length} published ${versions.length === 1 ? 'version' : 'versions'}`,
  });
  return {
    document: toDto(doc),
    versions: versions.map((v, i) => ({ version: versionDto(v), sheet: sheets[i]! })),
    exportedAt: db.now().toISOString(),
    exportedByName: db.actor.name,
  };
}
