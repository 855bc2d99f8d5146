import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DocBlock } from '../../shared/documents/doc-blocks.ts';
import { blocksToHtml, htmlToBlocks } from '../../web/src/components/rich-text/html-blocks.ts';

/** The editor's content element holding this HTML, as the browser would parse it. */
const editor = (html: string) =>
  parseHTML(`<html><body><div id="e">${html}</div></body></html>`).document.getElementById('e')!;

const POLICY: DocBlock[] = [
  { kind: 'heading', level: 1, text: [{ text: 'Workstation security' }] },
  {
    kind: 'paragraph',
    text: [
      { text: 'Screens lock after ' },
      { text: 'five minutes', bold: true },
      { text: ' — see ' },
      { text: 'HHS', href: 'https://www.hhs.gov/hipaa', italic: true },
      { text: '.\nAsk the manager.' },
    ],
  },
  { kind: 'list', ordered: true, items: [[{ text: 'Lock' }], [{ text: 'Log out', italic: true }]] },
  {
    kind: 'table',
    rows: [
      [[{ text: 'Role' }], [{ text: 'Duty' }]],
      [[{ text: 'Front desk' }], [{ text: 'Checks <screens> & logs' }]],
    ],
  },
];

describe('the rich-text editor’s HTML and the stored blocks', () => {
  it('round-trips headings, bold, italics, links, line breaks, lists and tables', () => {
    expect(htmlToBlocks(editor(blocksToHtml(POLICY)))).toEqual(POLICY);
  });

  it('escapes text, so what was typed is what is stored', () => {
    expect(blocksToHtml([{ kind: 'paragraph', text: [{ text: '<script>x</script>' }] }])).toBe(
      '<p>&lt;script&gt;x&lt;/script&gt;</p>',
    );
  });

  it('reads what a browser editor produces: divs and loose text as paragraphs, b/i tags, empty lines dropped', () => {
    const blocks = htmlToBlocks(
      editor(
        'Intro <b>text</b><div>Second <i>line</i></div><div><br></div><h4>Deep</h4><ul><li><p>Item</p></li></ul>',
      ),
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: [{ text: 'Intro ' }, { text: 'text', bold: true }] },
      { kind: 'paragraph', text: [{ text: 'Second ' }, { text: 'line', italic: true }] },
      { kind: 'heading', level: 3, text: [{ text: 'Deep' }] },
      { kind: 'list', ordered: false, items: [[{ text: 'Item' }]] },
    ]);
  });

  it('keeps only https and mailto links', () => {
    const [block] = htmlToBlocks(
      editor('<p><a href="javascript:alert(1)">bad</a> <a href="mailto:a@b.example">ok</a></p>'),
    );
    expect(block).toEqual({
      kind: 'paragraph',
      text: [{ text: 'bad ' }, { text: 'ok', href: 'mailto:a@b.example' }],
    });
  });
});
