import { RequireAccess } from '../app/RequireAccess.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';

export default function AuditRoute() {
  return (
    <RequireAccess area="audit">
      <AuditPage />
    </RequireAccess>
  );
}
