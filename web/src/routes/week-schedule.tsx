import { RequireAccess } from '../app/RequireAccess.tsx';
import { WeekPage } from '../features/schedule/WeekPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="schedule">
      <WeekPage />
    </RequireAccess>
  );
}
