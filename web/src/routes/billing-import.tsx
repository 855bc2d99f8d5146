import { RequireAccess } from '../app/RequireAccess.tsx';
import { ImportPage } from '../features/billing/ImportPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="billing">
      <ImportPage />
    </RequireAccess>
  );
}
