import { RequireAccess } from '../app/RequireAccess.tsx';
import { MembershipPage } from '../features/membership/MembershipPage.tsx';

export default function MembershipRoute() {
  return (
    <RequireAccess area="membership">
      <MembershipPage />
    </RequireAccess>
  );
}
