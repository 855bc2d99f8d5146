import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, Match, Show, Switch } from 'solid-js';
import { SelectField } from '../../../components/ui/Field.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { Loading } from '../../../components/ui/Spinner.tsx';
import { Tabs, tabPanelProps } from '../../../components/ui/Tabs.tsx';
import { listLocations } from '../api.ts';
import { NoLocation } from '../NoLocation.tsx';
import { ScheduleNav } from '../ScheduleNav.tsx';
import { ExceptionsTab } from './ExceptionsTab.tsx';
import { HoursTab } from './HoursTab.tsx';
import { ProvidersTab } from './ProvidersTab.tsx';
import { RemindersTab } from './RemindersTab.tsx';
import { ResourcesTab } from './ResourcesTab.tsx';
import { TypesTab } from './TypesTab.tsx';

const TABS = [
  { id: 'providers', label: 'Providers' },
  { id: 'types', label: 'Visit types' },
  { id: 'rooms', label: 'Rooms & equipment' },
  { id: 'hours', label: 'Weekly hours' },
  { id: 'exceptions', label: 'Time off & closures' },
  { id: 'reminders', label: 'Reminders' },
];

/** Everything the schedule is built from, for owners and managers. */
export function SetupPage() {
  const locations = createAsync(() => listLocations());
  const [locationId, setLocationId] = createSignal('');
  const location = createMemo(() => {
    const all = locations()?.items ?? [];
    return all.find((l) => l.id === locationId()) ?? all[0];
  });
  // The tab lives in the address, so the setup guide can link straight to "Weekly hours".
  const [params, setParams] = useSearchParams<{ tab?: string }>();
  const tab = () => (TABS.some((t) => t.id === params.tab) ? params.tab! : 'providers');
  const setTab = (id: string) => setParams({ tab: id === 'providers' ? undefined : id }, { replace: true });
  return (
    <>
      <PageHeader
        title="Schedule setup"
        description="Providers, visit types, rooms, weekly hours, time off and reminders."
        actions={
          <A href="/app/setup-guide" class="btn btn-secondary">
            Setup guide
          </A>
        }
      />
      <ScheduleNav />
      <Show when={locations()} fallback={<Loading label="Loading locations…" />}>
        <Show
          when={location()}
          fallback={<NoLocation purpose="Providers' hours and rooms are set per location." />}
        >
          {(loc) => (
            <>
              <div class="sched-toolbar">
                <SelectField
                  label="Location"
                  name="location"
                  value={loc().id}
                  onChange={setLocationId}
                  options={(locations()?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
                  hint="Rooms and weekly hours are per location."
                />
              </div>
              <Tabs label="Setup sections" idPrefix="setup" tabs={TABS} selected={tab()} onSelect={setTab} />
              <div {...tabPanelProps('setup', tab())}>
                <Switch>
                  <Match when={tab() === 'providers'}>
                    <ProvidersTab locations={locations()?.items ?? []} location={loc()} />
                  </Match>
                  <Match when={tab() === 'types'}>
                    <TypesTab />
                  </Match>
                  <Match when={tab() === 'rooms'}>
                    <ResourcesTab location={loc()} locations={locations()?.items ?? []} />
                  </Match>
                  <Match when={tab() === 'hours'}>
                    <HoursTab location={loc()} />
                  </Match>
                  <Match when={tab() === 'exceptions'}>
                    <ExceptionsTab locations={locations()?.items ?? []} />
                  </Match>
                  <Match when={tab() === 'reminders'}>
                    <RemindersTab />
                  </Match>
                </Switch>
              </div>
            </>
          )}
        </Show>
      </Show>
    </>
  );
}
