import { RequireAccess } from '../app/RequireAccess.tsx';
import { DocumentPage } from '../features/documents/DocumentPage.tsx';

export default function DocumentRoute() {
  return (
    <RequireAccess area="documents">
      <DocumentPage />
    </RequireAccess>
  );
}
