import { RequireAccess } from '../app/RequireAccess.tsx';
import { ComparePage } from '../features/benchmarks/ComparePage.tsx';

export default function CompareRoute() {
  return (
    <RequireAccess area="compare">
      <ComparePage />
    </RequireAccess>
  );
}
