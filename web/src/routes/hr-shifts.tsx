import { RequireAccess } from '../app/RequireAccess.tsx';
import { ShiftsPage } from '../features/hr/ShiftsPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="hr">
      <ShiftsPage />
    </RequireAccess>
  );
}
