import { revalidate } from '@solidjs/router';
import { onCleanup } from 'solid-js';
import { Button } from '../../components/ui/Button.tsx';
import { columnKey } from '../imports/csv-chunks.ts';
import { type ColumnCheck, type ImportKindView, ImportWorkbench } from '../imports/ImportWorkbench.tsx';
import { FEE_COLUMNS, FEE_IMPORT_ENDPOINT, FEE_IMPORT_KIND, FEE_KEYS } from './payers-api.ts';

export const FEE_KIND: ImportKindView = {
  kind: FEE_IMPORT_KIND,
  label: 'Fee schedule',
  nouns: { one: 'fee', many: 'fees' },
  templateColumns: FEE_COLUMNS.map((c) => c.name),
  repeatField: 'code',
};

/** Header names (and their aliases, as the API reads them) → the column they stand for. */
export const COLUMN_OF = new Map<string, string>(
  FEE_COLUMNS.flatMap((c) => [
    [c.name, c.name] as const,
    ...(c.aliases ?? []).map((a) => [columnKey(a), c.name] as const),
  ]),
);

/** A file's header row against the fee schedule's columns: what is missing and what is ignored. */
export function checkFeeColumns(columns: string[]): ColumnCheck {
  const known = new Set(columns.map((c) => COLUMN_OF.get(c)).filter(Boolean));
  const missing = FEE_COLUMNS.filter((c) => c.required && !known.has(c.name)).map((c) => c.name);
  const ignored = columns.filter((c) => c !== '' && !COLUMN_OF.has(c));
  return {
    problem: missing.length
      ? `The header row is missing ${missing.length === 1 ? 'the required column' : 'the required columns'} ${missing.join(', ')}. The first row must name the columns, as in the template.`
      : undefined,
    ignored,
  };
}

/** A row as the API identifies it (payer, code, modifier, amount): repeats are sent once. */
export function feeIdentity(row: Record<string, string>): string {
  const value = (name: string) => {
    for (const [header, column] of COLUMN_OF) if (column === name && row[header]) return row[header]!.trim();
    return '';
  };
  return [
    value('payer_id'),
    value('code').toUpperCase(),
    value('modifier').toUpperCase(),
    value('allowed'),
  ].join('|');
}

/** The shared import workbench for fee schedule CSV files (owners and managers). */
export function FeeImport(props: { open: boolean; onToggle: () => void }) {
  let timer: number | undefined;
  onCleanup(() => window.clearTimeout(timer));
  /** After each imported chunk, re-read which payers have a fee schedule (once the import settles). */
  const refresh = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void revalidate(FEE_KEYS), 800);
  };
  return (
    <section id="fee-import" class="stack" aria-labelledby="fee-import-title">
      <div class="toolbar">
        <div>
          <h2 id="fee-import-title" class="section-title" tabindex="-1">
            Import a fee schedule
          </h2>
          <p class="muted small">
            A CSV file of each payer’s contracted allowed amounts: one row per payer, code and modifier. A row
            for a code already on file replaces its amount; importing the same file again changes nothing.
          </p>
        </div>
        <Button aria-expanded={props.open} aria-controls="fee-import-body" onClick={() => props.onToggle()}>
          {props.open ? 'Hide the import' : 'Import a CSV file'}
        </Button>
      </div>
      <div id="fee-import-body" hidden={!props.open}>
        <ImportWorkbench<number>
          endpoint={FEE_IMPORT_ENDPOINT}
          kinds={[FEE_KIND]}
          kindDescription="Fees are matched to payers by payer id: the id under each payer’s name in the scorecard."
          columns={() => [...FEE_COLUMNS]}
          identity={() => feeIdentity}
          checkColumns={(_kind, columns) => checkFeeColumns(columns)}
          columnsHint={
            <>
              {' '}
              Also read: “CPT” or “HCPCS” for code, “Mod” for modifier, “Fee” or “Rate” for allowed, “Payer”
              for payer_id.
            </>
          }
          extra={{
            merge: (so, result) => {
              if (!result.dryRun && result.created > 0) refresh();
              return (so ?? 0) + result.created;
            },
            show: () => null,
          }}
        />
      </div>
    </section>
  );
}
