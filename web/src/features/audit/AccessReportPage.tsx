import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { PatientAccessReport } from '../../../../shared/schemas/audit.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { roleLabel } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { allPages, getAccessReport } from './api.ts';
import { accessReportCsv, saveCsv } from './audit-csv.ts';

/** A report a patient asked for has no practical size limit; this only stops a runaway loop. */
const MAX_EXPORT = 50_000;

/**
 * "Who looked at my record?": every read and change of one patient's data, newest first, with
 * names and the practice's local times, downloadable as CSV to hand to the patient.
 */
export function AccessReportPage(props: { patientId: string }) {
  const list = createPagedList(
    () => props.patientId,
    (cursor) => getAccessReport(props.patientId, cursor, PAGE_SIZE),
  );
  const report = () => list.page() as PatientAccessReport | undefined;
  const zone = () => report()?.timeZone ?? 'UTC';
  const when = (iso: string) =>
    new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone() }).format(
      new Date(iso),
    );

  const [exporting, setExporting] = createSignal(false);
  const [exportError, setExportError] = createSignal<string>();
  const exportCsv = async () => {
    const current = report();
    if (!current) return;
    setExporting(true);
    setExportError(undefined);
    try {
      const { items } = await allPages((cursor) => getAccessReport(props.patientId, cursor, 100), MAX_EXPORT);
      const name = current.patient.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      saveCsv(
        accessReportCsv(items, current.timeZone),
        `access-report-${name}-${new Date().toISOString().slice(0, 10)}.csv`,
      );
    } catch (err) {
      setExportError(`The export failed: ${errorMessage(err)}`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div class="page">
      <PageHeader
        title={report() ? `Access report: ${report()?.patient.name}` : 'Access report'}
        description={
          <Show when={report()} fallback="Loading the report…">
            Born {report()?.patient.dateOfBirth}. Everyone who viewed, searched, exported or changed this
            patient's data in Rounds, newest first. Times are in {zone()}.
          </Show>
        }
        actions={
          <>
            <A class="btn btn-secondary" href="/app/schedule/patients">
              Back to patients
            </A>
            <Button variant="primary" onClick={exportCsv} busy={exporting()} disabled={!report()}>
              Download CSV
            </Button>
          </>
        }
      />
      <div class="stack-lg">
        <Show when={exportError()}>
          <Alert tone="error">{exportError()}</Alert>
        </Show>
        <Section
          title="Reads and changes"
          id="access-events"
          description="Views of the schedule grids, which show names and visit times only, are not listed; searches and exports that showed this patient are."
        >
          <DataTable
            caption={`Reads and changes of ${report()?.patient.name ?? 'this patient'}’s data`}
            loading={list.loading()}
            rows={list.items()}
            empty={
              <EmptyState title="No reads or changes recorded">
                <p>Nobody has viewed or changed this patient's data yet.</p>
              </EmptyState>
            }
            columns={[
              { header: 'When', cell: (ev) => <time datetime={ev.at}>{when(ev.at)}</time> },
              {
                header: 'Who',
                cell: (ev) => (
                  <span class="who">
                    <span class="strong">{ev.actorName || 'Rounds'}</span>
                    <span class="muted small">{roleLabel(ev.actorRole)}</span>
                  </span>
                ),
              },
              { header: 'What', cell: (ev) => <span class="break">{ev.sentence}</span> },
              { header: 'Details', cell: (ev) => <span class="break muted">{ev.summary}</span> },
            ]}
          />
          <ListPager label="Report" list={list} />
        </Section>
      </div>
    </div>
  );
}
