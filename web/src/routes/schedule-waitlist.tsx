import { RequireAccess } from '../app/RequireAccess.tsx';
import { WaitlistPage } from '../features/schedule/WaitlistPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="schedule">
      <WaitlistPage />
    </RequireAccess>
  );
}
