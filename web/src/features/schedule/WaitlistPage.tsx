import { useSearchParams } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Tabs, tabPanelProps } from '../../components/ui/Tabs.tsx';
import { RecallsSection } from './RecallsSection.tsx';
import { ScheduleNav } from './ScheduleNav.tsx';
import { WaitlistSection } from './WaitlistSection.tsx';

const TABS = [
  { id: 'waitlist', label: 'Waitlist' },
  { id: 'recalls', label: 'Recalls' },
];

/** Patients who want an earlier time, and patients due back: nobody falls through. */
export function WaitlistPage() {
  // The tab is in the address, so a Today item can link straight to the recalls.
  const [params, setParams] = useSearchParams<{ tab?: string }>();
  const tab = () => (params.tab === 'recalls' ? 'recalls' : 'waitlist');
  const setTab = (id: string) => setParams({ tab: id === 'waitlist' ? undefined : id });
  return (
    <>
      <PageHeader
        title="Waitlist & recalls"
        description="Who wants an earlier time, and who is due back. A cancelled time is offered to the waitlist automatically."
      />
      <ScheduleNav />
      <Tabs label="Lists" idPrefix="wl" tabs={TABS} selected={tab()} onSelect={setTab} />
      <div {...tabPanelProps('wl', tab())}>
        <Switch>
          <Match when={tab() === 'waitlist'}>
            <WaitlistSection />
          </Match>
          <Match when={tab() === 'recalls'}>
            <RecallsSection />
          </Match>
        </Switch>
      </div>
    </>
  );
}
