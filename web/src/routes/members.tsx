import { RequireAccess } from '../app/RequireAccess.tsx';
import { MembersPage } from '../features/membership/MembersPage.tsx';

export default function MembersRoute() {
  return (
    <RequireAccess area="members">
      <MembersPage />
    </RequireAccess>
  );
}
