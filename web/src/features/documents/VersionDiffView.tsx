import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { DocBlock } from '../../../../shared/documents/doc-blocks.ts';
import {
  type BlockChange,
  blockText,
  diffVersions,
  type WordChange,
} from '../../../../shared/documents/version-diff.ts';
import { Checkbox } from '../../components/ui/Field.tsx';

const KIND_WORDS: Record<DocBlock['kind'], string> = {
  heading: 'heading',
  paragraph: 'paragraph',
  list: 'list',
  table: 'table',
};

/** "2 paragraphs changed, 1 list added, nothing removed" in a reader's words. */
function summary(changes: BlockChange[]): string {
  const count = (op: BlockChange['op']) => changes.filter((c) => c.op === op).length;
  const parts = [
    [count('change'), 'changed'],
    [count('add'), 'added'],
    [count('del'), 'removed'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, verb]) => `${n} ${n === 1 ? 'part' : 'parts'} ${verb}`);
  return said.length ? `${said.join(', ')}.` : 'The text is the same as the version before.';
}

/** Word changes inline: removed words struck through, added ones underlined, each said aloud too. */
function Words(props: { words: WordChange[] }) {
  return (
    <For each={props.words}>
      {(w) => (
        <Switch fallback={<span>{w.text}</span>}>
          <Match when={w.op === 'add'}>
            <ins class="doc-ins">
              <span class="visually-hidden">[added: </span>
              {w.text}
              <span class="visually-hidden">]</span>
            </ins>
          </Match>
          <Match when={w.op === 'del'}>
            <del class="doc-del">
              <span class="visually-hidden">[removed: </span>
              {w.text}
              <span class="visually-hidden">]</span>
            </del>
          </Match>
        </Switch>
      )}
    </For>
  );
}

type Row = { change: BlockChange } | { skipped: number };

/** Unchanged blocks between changes fold into "3 unchanged parts" unless the reader asks for all text. */
function rows(changes: BlockChange[], all: boolean): Row[] {
  if (all) return changes.map((change) => ({ change }));
  const out: Row[] = [];
  for (const change of changes) {
    const last = out[out.length - 1];
    if (change.op !== 'same') out.push({ change });
    else if (last && 'skipped' in last) last.skipped++;
    else out.push({ skipped: 1 });
  }
  return out;
}

/** The readable difference between a version and the one before it. */
export function VersionDiffView(props: {
  before: readonly DocBlock[];
  after: readonly DocBlock[];
  label: string;
}) {
  const [all, setAll] = createSignal(false);
  const diff = () => diffVersions(props.before, props.after);
  return (
    <div class="stack">
      <div class="doc-diff-head">
        <p class="strong">{summary(diff().changes)}</p>
        <Checkbox name="showAll" label="Show unchanged text" checked={all()} onChange={setAll} />
      </div>
      <ol class="doc-diff" aria-label={props.label}>
        <For each={rows(diff().changes, all())}>
          {(row) =>
            'skipped' in row ? (
              <li class="doc-diff-skip muted">
                {row.skipped} unchanged {row.skipped === 1 ? 'part' : 'parts'}
              </li>
            ) : (
              <li class={`doc-diff-block doc-diff-${row.change.op}`}>
                <span class="doc-diff-kind">
                  <Switch>
                    <Match when={row.change.op === 'add'}>Added</Match>
                    <Match when={row.change.op === 'del'}>Removed</Match>
                    <Match when={row.change.op === 'change'}>Changed</Match>
                  </Switch>
                  <Show when={row.change.op !== 'same'}>
                    {' '}
                    {KIND_WORDS[row.change.op === 'change' ? row.change.after.kind : row.change.block.kind]}
                  </Show>
                </span>
                <div class="doc-diff-text">
                  {row.change.op === 'change' ? (
                    <Words words={row.change.words} />
                  ) : (
                    blockText(row.change.block)
                  )}
                </div>
              </li>
            )
          }
        </For>
      </ol>
    </div>
  );
}
