import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { RequireAccess } from '../app/RequireAccess.tsx';
import { MeetingPage } from '../features/hr/MeetingPage.tsx';
import { MeetingsPage } from '../features/hr/MeetingsPage.tsx';

/** /app/hr/meetings (the list) and /app/hr/meetings/:id (one meeting). */
export default function Route() {
  const params = useParams<{ id?: string }>();
  return (
    <RequireAccess area="hr">
      <Show when={params.id} fallback={<MeetingsPage />}>
        <MeetingPage />
      </Show>
    </RequireAccess>
  );
}
