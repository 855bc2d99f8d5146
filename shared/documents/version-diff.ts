import { type DocBlock, inlineText } from './doc-blocks.ts';

/** A piece of a changed block's text: kept, added or removed. */
export interface WordChange {
  op: 'same' | 'add' | 'del';
  text: string;
}

/** One block of the newer version compared with the older: unchanged, added, removed, or changed in words. */
export type BlockChange =
  | { op: 'same'; block: DocBlock }
  | { op: 'add'; block: DocBlock }
  | { op: 'del'; block: DocBlock }
  | { op: 'change'; before: DocBlock; after: DocBlock; words: WordChange[] };

/** The readable difference between two versions, and how many blocks each kind of change touched. */
export interface VersionDiff {
  changes: BlockChange[];
  added: number;
  removed: number;
  changed: number;
}

/** A block's text as one line (a list item or table row per line), which is what a reader compares. */
export function blockText(block: DocBlock): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return inlineText(block.text);
    case 'list':
      return block.items
        .map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${inlineText(item)}`)
        .join('\n');
    case 'table':
      return block.rows.map((row) => row.map(inlineText).join(' | ')).join('\n');
  }
}

/** Above this many cell comparisons a changed block is shown as removed and added, not word by word. */
const WORD_DIFF_LIMIT = 4_000_000;

/** Longest common subsequence pairs of two sequences, as [i, j] index pairs in order. */
function lcsPairs<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] = same(a[i]!, b[j]!)
        ? table[(i + 1) * cols + j + 1]! + 1
        : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i]!, b[j]!)) {
      pairs.push([i++, j++]);
    } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

/** Word-level changes between two texts (spaces and line breaks kept with the words). */
export function diffWords(before: string, after: string): WordChange[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  if (a.length * b.length > WORD_DIFF_LIMIT) {
    return [
      { op: 'del', text: before },
      { op: 'add', text: after },
    ];
  }
  const out: WordChange[] = [];
  const push = (op: WordChange['op'], text: string) => {
    const last = out[out.length - 1];
    if (last?.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...lcsPairs(a, b, (x, y) => x === y), [a.length, b.length] as [number, number]]) {
    while (i < pi) push('del', a[i++]!);
    while (j < pj) push('add', b[j++]!);
    if (pi < a.length) {
      push('same', a[i++]!);
      j++;
    }
  }
  return readable(out);
}

/**
 * Groups each stretch of edits into one removal and one addition: a lone space kept between two edits
 * ("8" → "7:30", " ", "AM." → "AM on") reads as noise, so it joins both sides.
 */
function readable(changes: WordChange[]): WordChange[] {
  const out: WordChange[] = [];
  let del = '';
  let add = '';
  const flush = () => {
    if (del) out.push({ op: 'del', text: del });
    if (add) out.push({ op: 'add', text: add });
    del = '';
    add = '';
  };
  changes.forEach((c, k) => {
    const between = k > 0 && k < changes.length - 1 && (del || add) && changes[k + 1]!.op !== 'same';
    if (c.op === 'same' && between && /^\s+$/.test(c.text)) {
      del += c.text;
      add += c.text;
    } else if (c.op === 'same') {
      flush();
      out.push(c);
    } else if (c.op === 'del') {
      del += c.text;
    } else {
      add += c.text;
    }
  });
  flush();
  return out;
}

/**
 * The difference a reviewer reads between an older and a newer version: blocks matched in order by
 * kind and text; a removed block directly followed by an added one of the same kind is one change,
 * shown word by word.
 */
export function diffVersions(before: readonly DocBlock[], after: readonly DocBlock[]): VersionDiff {
  const key = (b: DocBlock) => `${b.kind}:${b.kind === 'heading' ? b.level : ''}:${blockText(b)}`;
  const keysA = before.map(key);
  const keysB = after.map(key);
  const raw: BlockChange[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [
    ...lcsPairs(keysA, keysB, (x, y) => x === y),
    [before.length, after.length] as [number, number],
  ]) {
    while (i < pi) raw.push({ op: 'del', block: before[i++]! });
    while (j < pj) raw.push({ op: 'add', block: after[j++]! });
    if (pi < before.length) {
      raw.push({ op: 'same', block: after[pj]! });
      i++;
      j++;
    }
  }
  const changes = pairChanges(raw);
  return {
    changes,
    added: changes.filter((c) => c.op === 'add').length,
    removed: changes.filter((c) => c.op === 'del').length,
    changed: changes.filter((c) => c.op === 'change').length,
  };
}

/** Turns runs of removed-then-added blocks of the same kind into word-level changes, pair by pair. */
function pairChanges(raw: BlockChange[]): BlockChange[] {
  const out: BlockChange[] = [];
  let k = 0;
  while (k < raw.length) {
    const dels: DocBlock[] = [];
    while (raw[k]?.op === 'del') dels.push((raw[k++] as { block: DocBlock }).block);
    const adds: DocBlock[] = [];
    while (raw[k]?.op === 'add') adds.push((raw[k++] as { block: DocBlock }).block);
    if (dels.length === 0 && adds.length === 0) {
      out.push(raw[k++]!);
      continue;
    }
    const n = Math.max(dels.length, adds.length);
    for (let p = 0; p < n; p++) {
      const d = dels[p];
      const a = adds[p];
      if (d && a && d.kind === a.kind) {
        out.push({ op: 'change', before: d, after: a, words: diffWords(blockText(d), blockText(a)) });
      } else {
        if (d) out.push({ op: 'del', block: d });
        if (a) out.push({ op: 'add', block: a });
      }
    }
  }
  return out;
}
