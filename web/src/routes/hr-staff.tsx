import { RequireAccess } from '../app/RequireAccess.tsx';
import { StaffPage } from '../features/hr/StaffPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="hr">
      <StaffPage />
    </RequireAccess>
  );
}
