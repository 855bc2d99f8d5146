import type { DocBlock, Inline } from '../../../../shared/documents/doc-blocks.ts';

/** What reading the editor's DOM needs; the browser's DOM (and linkedom in tests) provide it. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const TEXT = 3;
const ELEMENT = 1;
const SAFE_LINK = /^(https:\/\/|mailto:)\S+$/;
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline runs as HTML: bold, italic and links (safe addresses only). */
export function inlinesToHtml(runs: readonly Inline[]): string {
  return runs
    .map((r) => {
      let html = escapeHtml(r.text).replace(/\n/g, '<br>');
      if (r.italic) html = `<em>${html}</em>`;
      if (r.bold) html = `<strong>${html}</strong>`;
      if (r.href && SAFE_LINK.test(r.href)) html = `<a href="${escapeHtml(r.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

/** Blocks as the editor's HTML. */
export function blocksToHtml(blocks: readonly DocBlock[]): string {
  return blocks.map(blockToHtml).join('');
}

function blockToHtml(b: DocBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${inlinesToHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inlinesToHtml(b.text) || '<br>'}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${inlinesToHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return `<table><tbody>${b.rows
        .map(
          (row, r) =>
            `<tr>${row.map((c) => (r === 0 ? `<th>${inlinesToHtml(c)}</th>` : `<td>${inlinesToHtml(c)}</td>`)).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
  }
}

const children = (n: DomNode) => Array.from(n.childNodes);
const tag = (n: DomNode) => n.nodeName.toLowerCase();

/** The runs inside an element: text with the bold, italic and link around it; line breaks kept. */
export function readInlines(node: DomNode, style: Omit<Inline, 'text'> = {}): Inline[] {
  const runs: Inline[] = [];
  const add = (text: string, s: Omit<Inline, 'text'>) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && !!last.bold === !!s.bold && !!last.italic === !!s.italic && last.href === s.href)
      last.text += text;
    else
      runs.push({
        text,
        ...(s.bold ? { bold: true } : {}),
        ...(s.italic ? { italic: true } : {}),
        ...(s.href ? { href: s.href } : {}),
      });
  };
  for (const child of children(node)) {
    if (child.nodeType === TEXT) {
      add((child.textContent ?? '').replace(/\s+/g, ' '), style);
      continue;
    }
    if (child.nodeType !== ELEMENT) continue;
    const t = tag(child);
    if (t === 'br') {
      add('\n', style);
      continue;
    }
    const href = t === 'a' ? (child.getAttribute?.('href') ?? '') : '';
    const next = {
      ...style,
      ...(t === 'b' || t === 'strong' ? { bold: true } : {}),
      ...(t === 'i' || t === 'em' ? { italic: true } : {}),
      ...(href && SAFE_LINK.test(href) ? { href } : {}),
    };
    for (const run of readInlines(child, next)) add(run.text, run);
  }
  return trimRuns(runs);
}

/** Drops leading and trailing spaces of a block (a trailing line break too), as a reader sees it. */
function trimRuns(runs: Inline[]): Inline[] {
  if (runs.length) {
    runs[0]!.text = runs[0]!.text.replace(/^ +/, '');
    const last = runs[runs.length - 1]!;
    last.text = last.text.replace(/[ \n]+$/, '');
  }
  return runs.filter((r) => r.text !== '');
}

const HEADINGS = { h1: 1, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3 } as const;

/** Reads the editor's DOM back as blocks; anything unknown becomes a paragraph of its text. */
export function htmlToBlocks(root: DomNode): DocBlock[] {
  const blocks: DocBlock[] = [];
  let loose: DomNode[] = [];
  const flushLoose = () => {
    if (!loose.length) return;
    const text = readInlines({ nodeType: ELEMENT, nodeName: 'p', textContent: null, childNodes: loose });
    if (text.length) blocks.push({ kind: 'paragraph', text });
    loose = [];
  };
  for (const node of children(root)) {
    const t = node.nodeType === ELEMENT ? tag(node) : '';
    if (node.nodeType === TEXT || ['b', 'strong', 'i', 'em', 'a', 'span', 'br'].includes(t)) {
      loose.push(node);
      continue;
    }
    flushLoose();
    if (t in HEADINGS) {
      const text = readInlines(node);
      if (text.length) blocks.push({ kind: 'heading', level: HEADINGS[t as keyof typeof HEADINGS], text });
    } else if (t === 'ul' || t === 'ol') {
      const items = children(node)
        .filter((c) => c.nodeType === ELEMENT && tag(c) === 'li')
        .map((li) => readInlines(li))
        .filter((i) => i.length);
      if (items.length) blocks.push({ kind: 'list', ordered: t === 'ol', items });
    } else if (t === 'table') {
      const rows = rowsOf(node).map((tr) =>
        children(tr)
          .filter((c) => c.nodeType === ELEMENT && ['td', 'th'].includes(tag(c)))
          .map((cell) => readInlines(cell)),
      );
      if (rows.length) blocks.push({ kind: 'table', rows });
    } else if (node.nodeType === ELEMENT) {
      const text = readInlines(node);
      if (text.length) blocks.push({ kind: 'paragraph', text });
    }
  }
  flushLoose();
  return blocks;
}

function rowsOf(table: DomNode): DomNode[] {
  return children(table).flatMap((c) => {
    if (c.nodeType !== ELEMENT) return [];
    const t = tag(c);
    if (t === 'tr') return [c];
    return ['thead', 'tbody', 'tfoot'].includes(t)
      ? children(c).filter((r) => r.nodeType === ELEMENT && tag(r) === 'tr')
      : [];
  });
}
