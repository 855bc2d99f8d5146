import { RequireAccess } from '../app/RequireAccess.tsx';
import { BenchmarksPage } from '../features/benchmarks/BenchmarksPage.tsx';

export default function BenchmarksRoute() {
  return (
    <RequireAccess area="benchmarks">
      <BenchmarksPage />
    </RequireAccess>
  );
}
