/**
 * A version's way to publication: draft → in review (named approvers) → approved (by all) or sent
 * back to draft with comments → published, after which its text never changes and a change is a
 * new version. Every step also updates the document item, version-checked, so two managers acting
 * at once cannot both succeed. Approvers are read through tenants' exported `getActiveMember`
 * (members.service.ts).
 */
import type { Page } from '../../shared/schemas/common.ts';
import type {
  Approver,
  DocumentDetail,
  DocumentVersion,
  Publish,
  ReviewDecision,
  SubmitForApproval,
  VersionEvent,
  VersionSummary,
} from '../../shared/schemas/documents.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, notFound, validationFailed } from '../platform/errors.ts';
import { closeIfOpenOps, pairRef, raiseTodayItemOp, todayItemId } from '../platform/today/today-items.ts';
import { getActiveMember } from '../tenants/members.service.ts';
import {
  documentLink,
  latestOf,
  mayRead,
  requireDocument,
  requireVersion,
  summaryDto,
  versionDto,
} from './document-views.ts';
import { documentsRepo, type StoredDocument, type StoredVersion } from './documents.repo.ts';
import { detailOf, notADraft } from './documents.service.ts';
import { publishOps } from './publish.ts';

const SOURCE = 'documents' as const;

/** Today item ids of the workflow: an approver's, and the author's ("publish it", "revise it"). */
const approveItemId = (docId: string, userId: string) =>
  todayItemId(SOURCE, 'approve', pairRef(docId, userId));
const authorItemId = (kind: 'publish' | 'revise', docId: string) => todayItemId(SOURCE, kind, docId);

const event = (db: TenantDb, action: VersionEvent['action'], comment?: string): VersionEvent => ({
  at: db.now().toISOString(),
  byUserId: db.actor.userId,
  byName: db.actor.name,
  action,
  ...(comment ? { comment } : {}),
});

/** The document item after a workflow step (its version checked by the caller's `version`). */
const touched = (db: TenantDb, doc: StoredDocument, extra: Partial<StoredDocument> = {}): StoredDocument => ({
  ...doc,
  ...extra,
  updatedAt: db.now().toISOString(),
  updatedByName: db.actor.name,
});

/** Sends the draft to named approvers; each gets a Today item to review it. */
export async function submitForApproval(
  db: TenantDb,
  id: string,
  input: SubmitForApproval,
): Promise<DocumentDetail> {
  const doc = await requireDocument(db, id);
  const draft = await latestOf(db, doc);
  if (draft.status !== 'draft') throw notADraft(draft);
  if (!draft.blocks.length && !draft.file) {
    // The saved draft is empty: a state to change first, not a field of this request.
    throw conflict('Write the text or attach a PDF, and save it, before sending it for approval');
  }
  const approvers = await loadApprovers(db, input.approverIds);
  const sent: StoredVersion = {
    ...draft,
    status: 'in_review',
    approvers: approvers.map((a) => ({ userId: a.id, name: a.name, decision: 'pending' as const })),
    events: [...(draft.events ?? []), event(db, 'submitted', input.message)],
    updatedAt: db.now().toISOString(),
  };
  const after = touched(db, doc, { latestStatus: 'in_review' });
  const asks = approvers.map((a) =>
    raiseTodayItemOp(
      db,
      {
        source: SOURCE,
        kind: 'approve',
        ref: pairRef(id, a.id),
        title: `Approve “${doc.title}” (version ${draft.number})`,
        detail: input.message
          ? `${db.actor.name}: ${input.message}`
          : `${db.actor.name} asks you to read and approve it.`,
        link: documentLink(id),
        assignee: { userId: a.id, name: a.name },
        requestedBy: db.actor.name,
      },
      db.now(),
    ),
  );
  await db.write(
    [
      documentsRepo.updateOp(db, input.version, after),
      documentsRepo.replaceVersionOp(db, sent, 'draft'),
      ...asks,
      ...(await closeIfOpenOps(db, [authorItemId('revise', id)])),
    ],
    {
      action: 'document.submitted',
      entityType: 'document',
      entityId: id,
      entityName: doc.title,
      detail: approvers.map((a) => a.name).join(', '),
      summary: `Sent version ${draft.number} for approval to ${approvers.map((a) => a.name).join(', ')}`,
    },
  );
  return detailOf(db, { ...after, version: input.version + 1 });
}

/** The chosen approvers, each an active member of the practice (else a 400 naming the field). */
async function loadApprovers(db: TenantDb, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((uid) => getActiveMember(db, uid).catch(() => undefined)));
  if (found.some((u) => !u)) {
    throw validationFailed([{ path: 'approverIds', message: 'Choose approvers who are on the team' }]);
  }
  const approvers = found.filter((u) => u !== undefined);
  if (approvers.some((u) => u.role === 'billing')) {
    throw validationFailed([
      { path: 'approverIds', message: 'Choose an owner, manager, provider or staff member to approve' },
    ]);
  }
  return approvers;
}

/**
 * An approver's decision. When the last approver approves, the version is approved and the author
 * is asked to publish it; sending it back returns it to draft and tells the author what to change.
 */
export async function review(db: TenantDb, id: string, input: ReviewDecision): Promise<DocumentDetail> {
  const doc = await requireDocument(db, id);
  const v = await latestOf(db, doc);
  const mine = v.status === 'in_review' ? v.approvers.find((a) => a.userId === db.actor.userId) : undefined;
  if (!mine) {
    if (!mayRead(db, v)) throw notFound('Document');
    throw conflict(`Version ${v.number} is not waiting for your approval`);
  }
  if (mine.decision !== 'pending') throw conflict(`You already approved version ${v.number}`);
  const now = db.now().toISOString();
  const approve = input.decision === 'approve';
  const decided: Approver = {
    ...mine,
    decision: approve ? 'approved' : 'sent_back',
    ...(input.comment ? { comment: input.comment } : {}),
    decidedAt: now,
  };
  const approvers = v.approvers.map((a) => (a.userId === mine.userId ? decided : a));
  const allApproved = approvers.every((a) => a.decision === 'approved');
  const next: StoredVersion = {
    ...v,
    status: approve ? (allApproved ? 'approved' : 'in_review') : 'draft',
    approvers,
    events: [...v.events, event(db, approve ? 'approved' : 'sent_back', input.comment)],
    updatedAt: now,
  };
  const after = touched(db, doc, { latestStatus: next.status });
  const author = v.events.findLast((e) => e.action === 'submitted');
  const authorOps =
    author?.byUserId && (!approve || allApproved)
      ? [authorItemOp(db, doc, v, approve ? 'publish' : 'revise', author, input.comment)]
      : [];
  // Sending back ends every approver's review; approving ends only the caller's.
  const closeIds = approve
    ? [approveItemId(id, mine.userId)]
    : v.approvers.map((a) => approveItemId(id, a.userId));
  await db.write(
    [
      documentsRepo.updateOp(db, input.version, after),
      documentsRepo.replaceVersionOp(db, next, 'in_review'),
      ...(await closeIfOpenOps(db, closeIds)),
      ...authorOps,
    ],
    {
      action: approve ? 'document.approved' : 'document.sent_back',
      entityType: 'document',
      entityId: id,
      entityName: doc.title,
      ...(input.comment ? { detail: input.comment.slice(0, 200) } : {}),
      summary: approve ? `Approved version ${v.number}` : `Sent version ${v.number} back with comments`,
    },
  );
  return detailOf(db, { ...after, version: input.version + 1 });
}

/** The author's next step in Today: publish the approved version, or revise the one sent back. */
function authorItemOp(
  db: TenantDb,
  doc: StoredDocument,
  v: StoredVersion,
  kind: 'publish' | 'revise',
  author: VersionEvent,
  comment: string | undefined,
): WriteOp {
  return raiseTodayItemOp(
    db,
    {
      source: SOURCE,
      kind,
      ref: doc.id,
      title:
        kind === 'publish'
          ? `Publish “${doc.title}” (version ${v.number}): approved`
          : `Revise “${doc.title}” (version ${v.number}): sent back`,
      detail: kind === 'publish' ? 'Every approver approved it.' : `${db.actor.name}: ${comment ?? ''}`,
      link: documentLink(doc.id),
      assignee: { userId: author.byUserId ?? '', name: author.byName },
      requestedBy: db.actor.name,
    },
    db.now(),
  );
}

/**
 * Publishes the approved version: it goes in force with the SHA-256 of its text, and everyone the
 * audience names gets a Today item to read and sign it (see publish.ts).
 */
export async function publish(db: TenantDb, id: string, input: Publish): Promise<DocumentDetail> {
  const doc = await requireDocument(db, id);
  const v = await latestOf(db, doc);
  if (v.status !== 'approved') {
    if (v.status === 'published') throw conflict(`Version ${v.number} is already published`);
    throw conflict(`Version ${v.number} must be approved before it is published`);
  }
  const after = touched(db, doc, {
    latestStatus: 'published',
    publishedVersion: v.number,
    publishedAt: db.now().toISOString(),
    audience: input.audience,
  });
  const { ops, later, asked } = await publishOps(db, doc, v, input);
  await db.write(
    [
      documentsRepo.updateOp(db, input.version, after),
      ...ops,
      ...(await closeIfOpenOps(db, [authorItemId('publish', id)])),
    ],
    {
      action: 'document.published',
      entityType: 'document',
      entityId: id,
      entityName: doc.title,
      detail: `${asked} asked to sign`,
      summary: `Published version ${v.number}; asked ${asked} ${asked === 1 ? 'person' : 'people'} to sign`,
    },
  );
  await later();
  return detailOf(db, { ...after, version: input.version + 1 });
}

/** Starts the next version as a draft from the published text (published text never changes). */
export async function startNewVersion(db: TenantDb, id: string, version: number): Promise<DocumentDetail> {
  const doc = await requireDocument(db, id);
  const v = await latestOf(db, doc);
  if (v.status !== 'published') {
    throw conflict(`Version ${v.number} is not published yet: change it instead of starting another`);
  }
  const now = db.now().toISOString();
  const draft: StoredVersion = {
    documentId: id,
    number: v.number + 1,
    status: 'draft',
    blocks: v.blocks,
    ...(v.file ? { file: v.file } : {}),
    createdAt: now,
    createdByName: db.actor.name,
    updatedAt: now,
    approvers: [],
    events: [],
  };
  const after = touched(db, doc, { latestVersion: draft.number, latestStatus: 'draft' });
  await db.write([documentsRepo.updateOp(db, version, after), documentsRepo.createVersionOp(db, draft)], {
    action: 'document.version_started',
    entityType: 'document',
    entityId: id,
    entityName: doc.title,
    summary: `Started version ${draft.number} from version ${v.number}`,
  });
  return detailOf(db, { ...after, version: version + 1 });
}

/** The versions the caller may read, newest first (drafts only for owners and managers). */
export async function listVersions(
  db: TenantDb,
  id: string,
  page: { limit: number; cursor?: string },
): Promise<Page<VersionSummary>> {
  await requireDocument(db, id);
  const result = await documentsRepo.versions(db, id, page);
  return { items: result.items.filter((v) => mayRead(db, v)).map(summaryDto), nextCursor: result.nextCursor };
}

/** One version's text and history; one the caller may not read is a 404. */
export async function getVersion(db: TenantDb, id: string, n: number): Promise<DocumentVersion> {
  await requireDocument(db, id);
  return versionDto(await requireVersion(db, id, n));
}
