import { useParams } from '@solidjs/router';
import { RequireAccess } from '../app/RequireAccess.tsx';
import { AccessReportPage } from '../features/audit/AccessReportPage.tsx';

export default function Route() {
  const params = useParams<{ id: string }>();
  return (
    <RequireAccess area="schedule-admin">
      <AccessReportPage patientId={params.id} />
    </RequireAccess>
  );
}
