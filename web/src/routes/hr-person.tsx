import { RequireAccess } from '../app/RequireAccess.tsx';
import { PersonPage } from '../features/hr/PersonPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="hr">
      <PersonPage />
    </RequireAccess>
  );
}
