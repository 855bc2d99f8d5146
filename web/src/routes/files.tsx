import { RequireAccess } from '../app/RequireAccess.tsx';
import { FilesPage } from '../features/documents/FilesPage.tsx';

export default function FilesRoute() {
  return (
    <RequireAccess area="files">
      <FilesPage />
    </RequireAccess>
  );
}
