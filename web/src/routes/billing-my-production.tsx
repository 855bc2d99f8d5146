import { RequireAccess } from '../app/RequireAccess.tsx';
import { MyProductionPage } from '../features/billing/MyProductionPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="my-production">
      <MyProductionPage />
    </RequireAccess>
  );
}
