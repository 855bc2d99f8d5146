import { useParams } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { RequireAccess } from '../app/RequireAccess.tsx';
import { HiringCandidatePage } from '../features/hr/HiringCandidatePage.tsx';
import { HiringOpeningPage } from '../features/hr/HiringOpeningPage.tsx';
import { HiringPage } from '../features/hr/HiringPage.tsx';

/**
 * /app/hr/hiring (openings), /app/hr/hiring/openings/:id (the pipeline) and
 * /app/hr/hiring/candidates/:id (a candidate): owners and managers only.
 */
export default function Route() {
  const params = useParams<{ kind?: string; id?: string }>();
  return (
    <RequireAccess area="hr-admin">
      <Switch fallback={<HiringPage />}>
        <Match when={params.kind === 'openings' && params.id}>
          <HiringOpeningPage />
        </Match>
        <Match when={params.kind === 'candidates' && params.id}>
          <HiringCandidatePage />
        </Match>
      </Switch>
    </RequireAccess>
  );
}
