import { describe, expect, it } from 'vitest';
import type { DocBlock } from '../../shared/documents/doc-blocks.ts';
import { diffVersions, diffWords } from '../../shared/documents/version-diff.ts';

const p = (text: string): DocBlock => ({ kind: 'paragraph', text: [{ text }] });
const h = (text: string): DocBlock => ({ kind: 'heading', level: 2, text: [{ text }] });

describe('the difference between two versions', () => {
  it('marks the words a sentence gained and lost', () => {
    expect(
      diffWords('Screens lock after ten minutes idle.', 'Screens lock after five minutes idle.'),
    ).toEqual([
      { op: 'same', text: 'Screens lock after ' },
      { op: 'del', text: 'ten' },
      { op: 'add', text: 'five' },
      { op: 'same', text: ' minutes idle.' },
    ]);
  });

  it('keeps unchanged blocks, shows a new section as added and a dropped one as removed', () => {
    const v1 = [h('Purpose'), p('Protect patient data.'), h('Fax'), p('Use the cover sheet.')];
    const v2 = [h('Purpose'), p('Protect patient data.'), h('Email'), p('Encrypt outside mail.'), h('Fax')];
    const diff = diffVersions(v1, v2);
    expect(diff.changes.map((c) => c.op)).toEqual(['same', 'same', 'add', 'add', 'same', 'del']);
    expect({ added: diff.added, removed: diff.removed, changed: diff.changed }).toEqual({
      added: 2,
      removed: 1,
      changed: 0,
    });
  });

  it('pairs an edited paragraph with its old text word by word', () => {
    const diff = diffVersions(
      [h('Hours'), p('The office opens at 8 AM.')],
      [h('Hours'), p('The office opens at 7:30 AM on weekdays.')],
    );
    expect(diff.changed).toBe(1);
    const change = diff.changes[1]!;
    expect(change.op).toBe('change');
    if (change.op !== 'change') return;
    expect(change.words.filter((w) => w.op === 'add').map((w) => w.text.trim())).toEqual([
      '7:30 AM on weekdays.',
    ]);
    expect(change.words.filter((w) => w.op === 'del').map((w) => w.text.trim())).toEqual(['8 AM.']);
  });

  it('compares lists and tables by their items and cells', () => {
    const list = (items: string[]): DocBlock => ({
      kind: 'list',
      ordered: false,
      items: items.map((t) => [{ text: t }]),
    });
    const diff = diffVersions([list(['Lock', 'Log out'])], [list(['Lock', 'Log out', 'Report loss'])]);
    const change = diff.changes[0]!;
    expect(change.op === 'change' && change.words.find((w) => w.op === 'add')?.text).toContain('Report loss');
    expect(diffVersions([list(['Lock'])], [list(['Lock'])]).changes.map((c) => c.op)).toEqual(['same']);
  });
});
