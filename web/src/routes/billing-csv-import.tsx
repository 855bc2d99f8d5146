import { RequireAccess } from '../app/RequireAccess.tsx';
import { CsvImportPage } from '../features/billing/CsvImportPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="billing">
      <CsvImportPage />
    </RequireAccess>
  );
}
