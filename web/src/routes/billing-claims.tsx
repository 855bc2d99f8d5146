import { RequireAccess } from '../app/RequireAccess.tsx';
import { ClaimsPage } from '../features/billing/ClaimsPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="billing">
      <ClaimsPage />
    </RequireAccess>
  );
}
