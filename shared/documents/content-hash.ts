import type { DocBlock } from './doc-blocks.ts';

/**
 * The exact text a signature vouches for, as one string: the document's id, the version's number
 * and its blocks as JSON with keys in a fixed order (a later rename does not change what was signed). Stored items come back from
 * DynamoDB with map keys in any order, so plain JSON.stringify would hash the same text differently.
 */
export function versionContentText(v: {
  documentId: string;
  number: number;
  blocks: readonly DocBlock[];
}): string {
  return canonicalJson({ document: v.documentId, version: v.number, blocks: v.blocks });
}

/** JSON with every object's keys sorted and undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Plain words of the blocks, for full-text search and the diff. */
export function blocksPlainText(blocks: readonly DocBlock[]): string {
  const runs = (r: readonly { text: string }[]) => r.map((x) => x.text).join('');
  return blocks
    .map((b) => {
      if (b.kind === 'list') return b.items.map(runs).join('\n');
      if (b.kind === 'table') return b.rows.map((row) => row.map(runs).join(' ')).join('\n');
      return runs(b.text);
    })
    .join('\n');
}
