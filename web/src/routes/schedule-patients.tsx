import { RequireAccess } from '../app/RequireAccess.tsx';
import { PatientsPage } from '../features/schedule/PatientsPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="schedule">
      <PatientsPage />
    </RequireAccess>
  );
}
