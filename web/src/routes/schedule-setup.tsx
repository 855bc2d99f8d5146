import { RequireAccess } from '../app/RequireAccess.tsx';
import { SetupPage } from '../features/schedule/setup/SetupPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="schedule-admin">
      <SetupPage />
    </RequireAccess>
  );
}
