import { RequireAccess } from '../app/RequireAccess.tsx';
import { DocumentsPage } from '../features/documents/DocumentsPage.tsx';

export default function DocumentsRoute() {
  return (
    <RequireAccess area="documents">
      <DocumentsPage />
    </RequireAccess>
  );
}
