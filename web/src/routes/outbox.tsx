import { RequireAccess } from '../app/RequireAccess.tsx';
import { OutboxPage } from '../features/outbox/OutboxPage.tsx';

export default function OutboxRoute() {
  return (
    <RequireAccess area="outbox">
      <OutboxPage />
    </RequireAccess>
  );
}
