import { RequireAccess } from '../app/RequireAccess.tsx';
import { TimeOffPage } from '../features/hr/TimeOffPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="hr">
      <TimeOffPage />
    </RequireAccess>
  );
}
