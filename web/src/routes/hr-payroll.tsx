import { RequireAccess } from '../app/RequireAccess.tsx';
import { PayrollPage } from '../features/hr/PayrollPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="hr-admin">
      <PayrollPage />
    </RequireAccess>
  );
}
