import { RequireAccess } from '../app/RequireAccess.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { SetupGuide } from '../features/setup-guide/SetupGuide.tsx';

export default function SetupGuideRoute() {
  return (
    <RequireAccess area="schedule-admin">
      <div class="page">
        <PageHeader
          title="Setup guide"
          description="From a new practice to its first booking, step by step."
        />
        <SetupGuide />
      </div>
    </RequireAccess>
  );
}
