import { RequireAccess } from '../app/RequireAccess.tsx';
import { ImportPage } from '../features/schedule/import/ImportPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="schedule-admin">
      <ImportPage />
    </RequireAccess>
  );
}
