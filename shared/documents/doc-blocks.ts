import * as z from 'zod/mini';
import '../validation.ts';

/**
 * Rich text as blocks: what the document editor writes and every printer reads (headings, lists,
 * bold, italics, links, tables). Plain data, so a version's text can be stored, compared, hashed and
 * printed the same way everywhere.
 */
export const InlineSchema = z.object({
  text: z.string().check(z.maxLength(20_000)),
  bold: z.optional(z.boolean()),
  italic: z.optional(z.boolean()),
  /** An https or mailto address the text links to. */
  href: z.optional(z.string().check(z.regex(/^(https:\/\/|mailto:)\S+$/, 'Use an https:// or mailto: link'))),
});
export type Inline = z.infer<typeof InlineSchema>;

const Inlines = z.array(InlineSchema).check(z.maxLength(500));

export const DocBlockSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    text: Inlines,
  }),
  z.object({ kind: z.literal('paragraph'), text: Inlines }),
  z.object({
    kind: z.literal('list'),
    ordered: z.boolean(),
    items: z.array(Inlines).check(z.maxLength(500)),
  }),
  z.object({
    kind: z.literal('table'),
    /** The first row is the header row. */
    rows: z.array(z.array(Inlines).check(z.maxLength(12))).check(z.minLength(1), z.maxLength(1000)),
  }),
]);
export type DocBlock = z.infer<typeof DocBlockSchema>;

/** Plain text of inline runs, e.g. for search and the signed hash's readable twin. */
export const inlineText = (runs: readonly Inline[]) => runs.map((r) => r.text).join('');
