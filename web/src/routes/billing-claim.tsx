import { RequireAccess } from '../app/RequireAccess.tsx';
import { ClaimPage } from '../features/billing/ClaimPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="billing">
      <ClaimPage />
    </RequireAccess>
  );
}
