import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ScheduleNav } from '../../features/schedule/ScheduleNav.tsx';

/** Placeholder while the page is being built. */
export function WeekPage() {
  return (
    <>
      <PageHeader title="Week" />
      <ScheduleNav />
    </>
  );
}
