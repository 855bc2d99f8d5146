import { RequireAccess } from '../app/RequireAccess.tsx';
import { SchedulePage } from '../features/schedule/SchedulePage.tsx';

export default function ScheduleRoute() {
  return (
    <RequireAccess area="schedule">
      <SchedulePage />
    </RequireAccess>
  );
}
