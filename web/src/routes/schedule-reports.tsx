import { RequireAccess } from '../app/RequireAccess.tsx';
import { ReportsPage } from '../features/schedule/reports/ReportsPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="schedule-reports">
      <ReportsPage />
    </RequireAccess>
  );
}
