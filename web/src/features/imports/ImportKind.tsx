import { For, type JSX } from 'solid-js';
import { Badge } from '../../components/ui/Badge.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import type { ColumnDoc, ImportKindView } from './ImportWorkbench.tsx';

/** Step 1 of the import page: the kind to import, its template to download and its columns. */
export function ImportKind(props: {
  kindDescription: string;
  kinds: readonly ImportKindView[];
  kind: string;
  onKind: (kind: string) => void;
  running: boolean;
  /** The template's object URL. */
  template: string;
  nouns: { one: string; many: string };
  columns: ColumnDoc[];
  columnsHint?: JSX.Element;
}) {
  return (
    <Section title="1. What are you importing?" id="import-kind" description={props.kindDescription}>
      <div class="stack">
        <div class="import-kind-row">
          <SelectField
            label="Import"
            name="kind"
            value={props.kind}
            onChange={(v) => props.onKind(v)}
            options={props.kinds.map((k) => ({ value: k.kind, label: k.label }))}
            disabled={props.running}
          />
          <a
            class="btn btn-secondary import-template"
            href={props.template}
            download={`rounds-${props.kind}-template.csv`}
          >
            Download the {props.nouns.one} template (CSV)
          </a>
        </div>
        <ul class="import-columns" aria-label={`Columns of a ${props.nouns.one} file`}>
          <For each={props.columns}>
            {(c) => (
              <li class="import-column">
                <code class="code">{c.name}</code>
                <Badge tone={c.required ? 'info' : 'neutral'}>{c.required ? 'Required' : 'Optional'}</Badge>
                <span class="import-column-text">{c.description}</span>
              </li>
            )}
          </For>
        </ul>
        <p class="field-hint">
          Column names are not case-sensitive and may use spaces (“Date of Birth”). Other columns are ignored.
          {props.columnsHint}
        </p>
      </div>
    </Section>
  );
}
