import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { importIdentity } from '../../../../../shared/import-identity.ts';
import { type DateOrder, dateOrderOf, exampleDate, tenantLocale } from '../../../../../shared/locale.ts';
import { IMPORT_COLUMNS, IMPORT_KINDS, type ImportResult } from '../../../../../shared/schemas/scheduling.ts';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { type ImportKindView, ImportWorkbench } from '../../imports/ImportWorkbench.tsx';
import { getTenant } from '../../settings/api.ts';
import { ScheduleNav } from '../ScheduleNav.tsx';
import { capitalised, checkColumns, columnsOf, type ImportKind, KIND_NOUNS } from './columns.ts';

type Dates = ImportResult['dates'];

/** The kinds as the shared import page shows them; the API names a repeat by these columns. */
const KINDS = IMPORT_KINDS.map(
  (kind): ImportKindView => ({
    kind,
    label: capitalised(kind),
    nouns: KIND_NOUNS[kind],
    templateColumns: IMPORT_COLUMNS[kind],
    repeatField: kind === 'patients' ? 'last_name' : 'time',
  }),
) as [ImportKindView, ...ImportKindView[]];

/** Each way of writing a date found so far, with its first example. */
function mergeDates(so: Dates | undefined, next: Dates): Dates {
  if (!so) return next;
  return {
    order: next.order,
    read: [...so.read, ...next.read.filter((r) => !so.read.some((s) => s.format === r.format))],
  };
}

/** CSV import of patients and appointments on the shared import page. */
export function ImportPage() {
  // Slashed dates are read in the practice's order (US practices: month/day/year); see shared/locale.ts.
  const tenant = createAsync(() => getTenant());
  const order = (): DateOrder | undefined => {
    const t = tenant.latest;
    return t ? dateOrderOf(tenantLocale(t)) : undefined;
  };

  return (
    <>
      <PageHeader
        title="Import"
        description="Bring patients and appointments over from another system with a CSV file exported from it or from a spreadsheet."
      />
      <ScheduleNav />
      <ImportWorkbench<Dates>
        endpoint="/scheduling/imports"
        kinds={KINDS}
        kindDescription="Import patients first: appointments are matched to patients by name and date of birth."
        columns={(kind) => {
          const o = order();
          return o ? columnsOf(kind as ImportKind, o) : undefined;
        }}
        identity={(kind) => {
          const o = order();
          return o ? (r) => importIdentity(kind as ImportKind, r, o) : undefined;
        }}
        checkColumns={(kind, columns) => {
          const { problem, ignored, otherKind } = checkColumns(kind as ImportKind, columns);
          const warning = otherKind
            ? `This file has provider, date and time columns. If it lists ${otherKind}, choose “${capitalised(otherKind)}” above.`
            : undefined;
          return { problem, ignored, warning };
        }}
        columnsHint={
          <Show when={order()}>
            {(o) => (
              <>
                {' '}
                Dates are read as {o()}, as this practice writes them ({exampleDate(o())} is March 14, 1985),
                or as year-month-day (1985-03-14).
              </>
            )}
          </Show>
        }
        extra={{
          merge: (so, result) => mergeDates(so, (result as ImportResult).dates),
          show: (dates) => (
            <Show when={dates.read.length}>
              <DatesRead dates={dates} />
            </Show>
          ),
        }}
      />
    </>
  );
}

const longDate = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Dates read as month/day/year: “03/04/1985” is March 4, 1985." The practice's own order first. */
function DatesRead(props: { dates: Dates }) {
  const read = () =>
    [...props.dates.read].sort(
      (a, b) => Number(b.format === props.dates.order) - Number(a.format === props.dates.order),
    );
  return (
    <p class="import-dates">
      Dates read as{' '}
      {read()
        .map((r) => r.format)
        .join(' and as ')}
      :{' '}
      {read()
        .map((r) => `“${r.text}” is ${longDate.format(new Date(`${r.date}T00:00:00Z`))}`)
        .join('; ')}
      .
    </p>
  );
}
