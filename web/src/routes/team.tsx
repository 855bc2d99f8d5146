import { RequireAccess } from '../app/RequireAccess.tsx';
import { TeamPage } from '../features/team/TeamPage.tsx';

export default function TeamRoute() {
  return (
    <RequireAccess area="team">
      <TeamPage />
    </RequireAccess>
  );
}
