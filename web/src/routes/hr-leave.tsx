import { RequireAccess } from '../app/RequireAccess.tsx';
import { LeavePage } from '../features/hr/LeavePage.tsx';

export default function Route() {
  return (
    <RequireAccess area="hr-admin">
      <LeavePage />
    </RequireAccess>
  );
}
