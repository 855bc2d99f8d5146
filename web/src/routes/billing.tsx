import { RequireAccess } from '../app/RequireAccess.tsx';
import { OverviewPage } from '../features/billing/OverviewPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="billing">
      <OverviewPage />
    </RequireAccess>
  );
}
