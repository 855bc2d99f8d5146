import { RequireAccess } from '../app/RequireAccess.tsx';
import { AgingPage } from '../features/billing/AgingPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="billing">
      <AgingPage />
    </RequireAccess>
  );
}
