import { RequireAccess } from '../app/RequireAccess.tsx';
import { PayersPage } from '../features/billing/PayersPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="billing">
      <PayersPage />
    </RequireAccess>
  );
}
