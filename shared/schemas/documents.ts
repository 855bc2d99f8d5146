import * as z from 'zod/mini';
import { DocBlockSchema } from '../documents/doc-blocks.ts';
import '../validation.ts';
import { IdSchema, PageQuerySchema } from './common.ts';

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

/** PUT /api/documents/:id/draft: the draft's text and what changed since the version before. */
export const DraftSaveSchema = z.strictObject({
  blocks: Blocks,
  changeNote: z.optional(
    z.string().check(z.trim(), z.maxLength(500, 'Keep the change note under 500 characters')),
  ),
  version: z.int(),
});
export type DraftSave = z.infer<typeof DraftSaveSchema>;

export const DocumentSchema = z.object({
  id: IdSchema,
  title: z.string(),
  folder: Folder,
  tags: z.array(z.string()),
  /** The newest version's number (the draft being written, until versions are published). */
  latestVersion: z.int(),
  updatedAt: z.string(),
  updatedByName: z.string(),
  version: z.int(),
});
export type DocumentDto = z.infer<typeof DocumentSchema>;

export const DocumentVersionSchema = z.object({
  number: z.int(),
  status: z.enum(['draft']),
  blocks: z.array(DocBlockSchema),
  changeNote: z.optional(z.string()),
  createdAt: z.string(),
  createdByName: z.string(),
  updatedAt: z.string(),
});
export type DocumentVersion = z.infer<typeof DocumentVersionSchema>;

/** A document with its newest version's text. */
export const DocumentDetailSchema = z.object({ ...DocumentSchema.shape, latest: DocumentVersionSchema });
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

export const DOCUMENT_SORTS = ['title', 'updated'] as const;
/**
 * GET /api/documents: a folder's documents by title, or every document by when it changed;
 * `q` finds documents by the words of their title.
 */
export const DocumentListQuerySchema = z.extend(PageQuerySchema, {
  folder: z.optional(Folder),
  sort: z.optional(z.enum(DOCUMENT_SORTS, 'Sort by title or updated')),
  order: z.optional(z.enum(['asc', 'desc'], 'Order asc or desc')),
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80, 'Search with fewer words'))),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuerySchema>;

export const DocumentIdParamsSchema = z.object({ id: IdSchema });
