import * as z from 'zod/mini';
import { DocBlockSchema } from '../documents/doc-blocks.ts';
import '../validation.ts';
import { PRACTICE_ROLES } from '../roles.ts';
import { DateSchema, IdSchema, PageQuerySchema } from './common.ts';

/** The library's folders, in the order the page lists them. */
export const DOCUMENT_FOLDERS = ['handbook', 'policies', 'procedures', 'forms', 'patient_education'] as const;
export type DocumentFolder = (typeof DOCUMENT_FOLDERS)[number];
export const FOLDER_LABELS: Record<DocumentFolder, string> = {
  handbook: 'Handbook',
  policies: 'Policies',
  procedures: 'Procedures',
  forms: 'Forms',
  patient_education: 'Patient education',
};

const Title = z
  .string()
  .check(z.trim(), z.minLength(1, 'Required'), z.maxLength(200, 'Keep the title under 200 characters'));
const Folder = z.enum(DOCUMENT_FOLDERS, 'Choose a folder');
/** A tag as typed ("HIPAA", "front desk"); kept lower-case so "HIPAA" and "hipaa" are one tag. */
export const DocumentTagSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, 'Tags cannot be empty'),
    z.maxLength(30, 'Keep each tag under 30 characters'),
    z.regex(/^[a-z0-9][a-z0-9 &/-]*$/, 'Use letters, digits, spaces and dashes in tags'),
  );
const Tags = z.array(DocumentTagSchema).check(z.maxLength(10, 'At most 10 tags'));
const Blocks = z.array(DocBlockSchema).check(z.maxLength(2000, 'The text is too long for one document'));

/** POST /api/documents: a new document and its first draft. */
export const DocumentCreateSchema = z.strictObject({
  title: Title,
  folder: Folder,
  tags: z.optional(Tags),
  blocks: z.optional(Blocks),
});
export type DocumentCreate = z.infer<typeof DocumentCreateSchema>;

/** PUT /api/documents/:id: title, folder and tags (the text changes through the draft). */
export const DocumentUpdateSchema = z.strictObject({
  title: Title,
  folder: Folder,
  tags: Tags,
  version: z.int(),
});
export type DocumentUpdate = z.infer<typeof DocumentUpdateSchema>;

/**
 * PUT /api/documents/:id/draft: the draft's content and what changed since the version before. The
 * content is rich text (`blocks`) or an uploaded PDF from Files (`fileId`, with no blocks).
 */
export const DraftSaveSchema = z
  .strictObject({
    blocks: Blocks,
    fileId: z.optional(z.nullable(IdSchema)),
    changeNote: z.optional(
      z.string().check(z.trim(), z.maxLength(500, 'Keep the change note under 500 characters')),
    ),
    version: z.int(),
  })
  .check(
    z.refine((d) => !d.fileId || d.blocks.length === 0, {
      message: 'A PDF version has no text of its own: clear the text or remove the PDF',
      path: ['blocks'],
    }),
  );
export type DraftSave = z.infer<typeof DraftSaveSchema>;

/**
 * A version's life: written as a draft, sent to named approvers (in review), approved by all of
 * them (or sent back to draft with comments), then published. Published text never changes.
 */
export const VERSION_STATUSES = ['draft', 'in_review', 'approved', 'published'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  published: 'Published',
};

export const DocumentSchema = z.object({
  id: IdSchema,
  title: z.string(),
  folder: Folder,
  tags: z.array(z.string()),
  /** The newest version's number (a draft, one in review, or the published one). */
  latestVersion: z.int(),
  /** Where the newest version stands (draft, in review, approved or published). */
  latestStatus: z.enum(VERSION_STATUSES),
  /** The version in force: the last one published (absent until the first is). */
  publishedVersion: z.optional(z.int()),
  publishedAt: z.optional(z.string()),
  /** In lists: the version in force asks the caller to sign and they have not yet. */
  awaitingMySignature: z.optional(z.boolean()),
  updatedAt: z.string(),
  updatedByName: z.string(),
  version: z.int(),
});
export type DocumentDto = z.infer<typeof DocumentSchema>;

/** One named approver of a version in review, and what they decided. */
export const ApproverSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  decision: z.enum(['pending', 'approved', 'sent_back']),
  comment: z.optional(z.string()),
  decidedAt: z.optional(z.string()),
});
export type Approver = z.infer<typeof ApproverSchema>;

/** The version's history, oldest first: who sent it for approval, approved, sent back, published. */
export const VersionEventSchema = z.object({
  at: z.string(),
  byUserId: z.optional(z.string()),
  byName: z.string(),
  action: z.enum(['submitted', 'approved', 'sent_back', 'published']),
  comment: z.optional(z.string()),
});
export type VersionEvent = z.infer<typeof VersionEventSchema>;

/** Who a published version asks to read and sign: everyone holding these roles, and these people. */
export const SignAudienceSchema = z.strictObject({
  roles: z.array(z.enum(PRACTICE_ROLES, 'Choose a role')).check(z.maxLength(PRACTICE_ROLES.length)),
  userIds: z.array(IdSchema).check(z.maxLength(200, 'Choose at most 200 people')),
});
export type SignAudience = z.infer<typeof SignAudienceSchema>;

/** An uploaded PDF that is a version's content, with the SHA-256 of its bytes. */
export const VersionFileSchema = z.object({
  id: IdSchema,
  name: z.string(),
  size: z.int(),
  sha256: z.string(),
});
export type VersionFile = z.infer<typeof VersionFileSchema>;

export const DocumentVersionSchema = z.object({
  number: z.int(),
  status: z.enum(VERSION_STATUSES),
  blocks: z.array(DocBlockSchema),
  /** The version is this uploaded PDF (its blocks are then empty). */
  file: z.optional(VersionFileSchema),
  changeNote: z.optional(z.string()),
  createdAt: z.string(),
  createdByName: z.string(),
  updatedAt: z.string(),
  /** The approvers of the current (or last) review round. */
  approvers: z.array(ApproverSchema),
  events: z.array(VersionEventSchema),
  publishedAt: z.optional(z.string()),
  publishedByName: z.optional(z.string()),
  /**
   * SHA-256 (hex) of what is published: of `versionContentText` for text, of the file's bytes for a
   * PDF (so `sha256sum` on the PDF checks it). Every signature records it.
   */
  contentHash: z.optional(z.string()),
  /** Who must sign (published versions). */
  audience: z.optional(SignAudienceSchema),
  /** Sign by this day (the Today items' due date). */
  signBy: z.optional(DateSchema),
});
export type DocumentVersion = z.infer<typeof DocumentVersionSchema>;

/** A version in the history list: its text left out. */
export const VersionSummarySchema = z.object({
  number: z.int(),
  status: z.enum(VERSION_STATUSES),
  changeNote: z.optional(z.string()),
  createdAt: z.string(),
  createdByName: z.string(),
  publishedAt: z.optional(z.string()),
  publishedByName: z.optional(z.string()),
  contentHash: z.optional(z.string()),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

/** The caller's own part: whether the version in force asks them to sign, and when they did. */
export const MySignOffSchema = z.object({
  version: z.int(),
  asked: z.boolean(),
  signedAt: z.optional(z.string()),
});

/**
 * A document with the version the caller works on: its newest version for owners and managers,
 * the published one for everyone else (who never see drafts). `published` is the version in
 * force when it is not `latest`.
 */
export const DocumentDetailSchema = z.object({
  ...DocumentSchema.shape,
  latest: DocumentVersionSchema,
  published: z.optional(DocumentVersionSchema),
  mySignOff: z.optional(MySignOffSchema),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

/** POST /api/documents/:id/submit: the draft goes to these people for approval. */
export const SubmitForApprovalSchema = z.strictObject({
  approverIds: z
    .array(IdSchema)
    .check(z.minLength(1, 'Choose at least one approver'), z.maxLength(5, 'Choose at most 5 approvers')),
  message: z.optional(z.string().check(z.trim(), z.maxLength(500, 'Keep the message under 500 characters'))),
  version: z.int(),
});
export type SubmitForApproval = z.infer<typeof SubmitForApprovalSchema>;

/** POST /api/documents/:id/review: an approver approves the version in review or sends it back. */
export const ReviewDecisionSchema = z
  .strictObject({
    decision: z.enum(['approve', 'send_back'], 'Approve or send back'),
    comment: z.optional(
      z.string().check(z.trim(), z.maxLength(1000, 'Keep the comment under 1,000 characters')),
    ),
    version: z.int(),
  })
  .check(
    z.refine((r) => r.decision === 'approve' || Boolean(r.comment), {
      message: 'Say what should change before sending it back',
      path: ['comment'],
    }),
  );
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

/** Days people have to sign when the publisher names no sign-by day (and new members from joining). */
export const DAYS_TO_SIGN = 14;

/** POST /api/documents/:id/publish: the approved version goes in force and asks these people to sign. */
export const PublishSchema = z.strictObject({
  audience: SignAudienceSchema,
  /** Sign by this day; today or later (the default: DAYS_TO_SIGN days from now). */
  signBy: z.optional(DateSchema),
  version: z.int(),
});
export type Publish = z.infer<typeof PublishSchema>;

/** POST /api/documents/:id/versions: a new draft from the published text (published text never changes). */
export const NewVersionSchema = z.strictObject({ version: z.int() });

/** POST /api/documents/:id/versions/:n/signatures: the signer types their full name. */
export const SignSchema = z.strictObject({
  typedName: z
    .string()
    .check(
      z.trim(),
      z.minLength(2, 'Type your full name to sign'),
      z.maxLength(100, 'Keep the name under 100 characters'),
    ),
});
export type Sign = z.infer<typeof SignSchema>;

export const SignatureSchema = z.object({
  documentId: IdSchema,
  versionNumber: z.int(),
  userId: IdSchema,
  /** The signer's name on their account when they signed. */
  name: z.string(),
  /** The full name they typed. */
  typedName: z.string(),
  signedAt: z.string(),
  /** The client address the signature came from. */
  clientIp: z.string(),
  userAgent: z.optional(z.string()),
  /** SHA-256 (hex) of the text signed: equal to the version's `contentHash`. */
  contentHash: z.string(),
});
export type Signature = z.infer<typeof SignatureSchema>;

/** Someone a version asks to sign who has not. */
export const UnsignedPersonSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  role: z.enum(PRACTICE_ROLES),
});

/** GET /api/documents/:id/versions/:n/signatures: who signed this version and who has not. */
export const SignatureSheetSchema = z.object({
  versionNumber: z.int(),
  contentHash: z.string(),
  audience: SignAudienceSchema,
  signed: z.array(SignatureSchema),
  missing: z.array(UnsignedPersonSchema),
});
export type SignatureSheet = z.infer<typeof SignatureSheetSchema>;

/** GET /api/documents/:id/evidence: what an auditor gets, every published version with its signatures. */
export const EvidenceSchema = z.object({
  document: DocumentSchema,
  versions: z.array(z.object({ version: DocumentVersionSchema, sheet: SignatureSheetSchema })),
  exportedAt: z.string(),
  exportedByName: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const VersionParamsSchema = z.object({
  id: IdSchema,
  n: z.string().check(z.regex(/^[1-9][0-9]{0,4}$/, 'Use a version number')),
});

export const DOCUMENT_SORTS = ['title', 'updated'] as const;
/**
 * GET /api/documents: a folder's documents by title, or every document by when it changed;
 * `q` finds documents by the words of their title and published text (each word a prefix).
 */
export const DocumentListQuerySchema = z.extend(PageQuerySchema, {
  folder: z.optional(Folder),
  sort: z.optional(z.enum(DOCUMENT_SORTS, 'Sort by title or updated')),
  order: z.optional(z.enum(['asc', 'desc'], 'Order asc or desc')),
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80, 'Search with fewer words'))),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuerySchema>;

export const DocumentIdParamsSchema = z.object({ id: IdSchema });

/** POST /api/documents/:id/remind: how many people were emailed. */
export const RemindResultSchema = z.object({ reminded: z.int() });
