import { RequireAccess } from '../app/RequireAccess.tsx';
import { ReviewsPage } from '../features/hr/ReviewsPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="hr">
      <ReviewsPage />
    </RequireAccess>
  );
}
