import { RequireAccess } from '../app/RequireAccess.tsx';
import { ChecklistsPage } from '../features/hr/ChecklistsPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="hr">
      <ChecklistsPage />
    </RequireAccess>
  );
}
