import { RequireAccess } from '../app/RequireAccess.tsx';
import { PatientBalancesPage } from '../features/billing/PatientBalancesPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="billing">
      <PatientBalancesPage />
    </RequireAccess>
  );
}
