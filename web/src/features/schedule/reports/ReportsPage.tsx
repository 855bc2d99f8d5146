import { createAsync } from '@solidjs/router';
import { createMemo, createSignal, Show, Suspense } from 'solid-js';
import { inRoleGroup } from '../../../../../shared/roles.ts';
import { me } from '../../../app/session.ts';
import { SelectField } from '../../../components/ui/Field.tsx';
import { LoadBoundary } from '../../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { Loading } from '../../../components/ui/Spinner.tsx';
import { listLocations, listProviders } from '../api.ts';
import { NoLocation } from '../NoLocation.tsx';
import { ScheduleNav } from '../ScheduleNav.tsx';
import { getMeasures, getMonthlyMeasures } from './api.ts';
import { FhirExport } from './FhirExport.tsx';
import { MonthlyMeasures } from './MonthlyMeasures.tsx';
import { WeeklyMeasures } from './WeeklyMeasures.tsx';
import './reports.css';

const WEEK_CHOICES = [4, 8, 12] as const;

/** Scheduling measures for a practice manager: missed visits, how full the week is, access, and FHIR export. */
export function ReportsPage() {
  const locations = createAsync(() => listLocations());
  const providers = createAsync(() => listProviders());
  const [chosen, setChosen] = createSignal('');
  const [weeks, setWeeks] = createSignal(8);
  const open = () => (locations()?.items ?? []).filter((l) => !l.archived);
  const location = createMemo(() => open().find((l) => l.id === chosen()) ?? open()[0]);
  // Billing sees the measures but not patient-level exports or location setup; the API refuses them anyway.
  const admin = () => inRoleGroup(me()?.user.role ?? '', 'practiceAdmins');

  return (
    <>
      <PageHeader
        title="Measures"
        description="How many visits go missing, how full the schedule is and how soon patients can be seen, week over week."
      />
      <ScheduleNav />
      <Suspense fallback={<Loading label="Loading measures…" />}>
        <Show when={location()} fallback={<NoLocation purpose="Measures are kept per location." />}>
          {(loc) => (
            <div class="reports stack-lg">
              <div class="reports-toolbar">
                <SelectField
                  label="Location"
                  name="location"
                  value={loc().id}
                  onChange={setChosen}
                  options={open().map((l) => ({ value: l.id, label: l.name }))}
                />
                <SelectField
                  label="Weeks shown"
                  name="weeks"
                  value={String(weeks())}
                  onChange={(v) => setWeeks(Number(v))}
                  options={WEEK_CHOICES.map((n) => ({ value: String(n), label: `Last ${n} weeks` }))}
                />
              </div>
              <LoadBoundary what="weekly measures" keys={[getMeasures.key, listProviders.key]}>
                <WeeklyMeasures
                  locationId={loc().id}
                  locationName={loc().name}
                  weeks={weeks()}
                  providers={providers()?.items ?? []}
                />
              </LoadBoundary>
              <LoadBoundary what="monthly snapshots" keys={[getMonthlyMeasures.key]}>
                <MonthlyMeasures locationId={loc().id} locationName={loc().name} />
              </LoadBoundary>
              <Show when={admin()}>
                <FhirExport locationId={loc().id} locationName={loc().name} timeZone={loc().timeZone} />
              </Show>
            </div>
          )}
        </Show>
      </Suspense>
    </>
  );
}
