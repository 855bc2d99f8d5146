import * as z from 'zod/mini';
import '../validation.ts';
import { IdSchema, PageQuerySchema } from './common.ts';

/** Largest file Rounds keeps: 10 MB. The upload URL itself refuses bigger bodies (S3 or the local host). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The content types Rounds keeps, decided from the file's first bytes (never its name). */
export const FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/csv', 'text/plain'] as const;
export type FileType = (typeof FILE_TYPES)[number];
export const FILE_TYPE_LABELS: Record<FileType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'text/csv': 'CSV file',
  'text/plain': 'text file',
};

/** A file's name as shown and downloaded: no path, no control characters. */
export const FileNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'Required'),
  z.maxLength(200),
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  z.regex(/^[^/\\\u0000-\u001f\u007f]+$/, 'Use a file name without slashes or control characters'),
);

/** POST /api/files: what the browser knows before the upload. */
export const FileCreateSchema = z.strictObject({
  name: FileNameSchema,
  size: z
    .int()
    .check(
      z.minimum(1, 'The file is empty'),
      z.maximum(MAX_FILE_BYTES, `Files can be at most ${MAX_FILE_BYTES / 1024 / 1024} MB`),
    ),
  /**
   * What the browser says the type is (`File.type`, often empty or wrong: Windows calls CSV
   * `application/vnd.ms-excel`). Only a hint for messages; the content decides.
   */
  type: z.optional(z.string().check(z.maxLength(127))),
});
export type FileCreate = z.infer<typeof FileCreateSchema>;

/**
 * How the browser uploads the bytes: a multipart/form-data POST to `url` with every field of
 * `fields` first and the file last, as the form field `file`. S3 (presigned POST) and the local
 * host take the same form, so the web has one upload path.
 */
export const UploadInstructionsSchema = z.object({
  method: z.literal('POST'),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  /** The form field that carries the bytes. */
  fileField: z.literal('file'),
  maxBytes: z.int(),
  expiresAt: z.string(),
});
export type UploadInstructions = z.infer<typeof UploadInstructionsSchema>;

export const FileStatusSchema = z.enum(['pending', 'ready']);

export const FileSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** Bytes: declared until the upload is checked, then the stored object's size. */
  size: z.int(),
  /** The type found in the content once ready (one of FILE_TYPES); the declared one before. */
  contentType: z.string(),
  status: FileStatusSchema,
  createdAt: z.string(),
  createdByUserId: z.string(),
  createdByName: z.string(),
  readyAt: z.optional(z.string()),
});
export type FileDto = z.infer<typeof FileSchema>;

export const FileUploadSchema = z.object({
  /** The new file's id (also `file.id`). */
  id: IdSchema,
  file: FileSchema,
  upload: UploadInstructionsSchema,
});
export type FileUpload = z.infer<typeof FileUploadSchema>;

/** GET /api/files/:id: the file and a short-lived link to its bytes. */
export const FileDetailSchema = z.object({
  file: FileSchema,
  download: z.object({ url: z.string(), expiresAt: z.string() }),
});
export type FileDetail = z.infer<typeof FileDetailSchema>;

export const FILE_SORTS = ['date', 'name'] as const;
export type FileSort = (typeof FILE_SORTS)[number];

export const FileListQuerySchema = z.extend(PageQuerySchema, {
  sort: z.optional(z.enum(FILE_SORTS, 'Sort by date or name')),
  order: z.optional(z.enum(['asc', 'desc'], 'Order asc or desc')),
});
export type FileListQuery = z.infer<typeof FileListQuerySchema>;

export const FileIdParamsSchema = z.object({ id: IdSchema });
