import { A } from '@solidjs/router';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { roleLabel } from '../lib/format.ts';
import { me } from './session.ts';

/** What a signed-in user sees on a page their role does not include. */
export function NoAccess() {
  return (
    <div class="page">
      <PageHeader title="You don't have access to this page" />
      <div class="panel">
        <p>
          Your role
          {me() ? <> ({roleLabel(me()!.user.role)})</> : null} doesn't include this area of Rounds. If you
          need it, ask an owner or practice manager to change your role.
        </p>
        <p>
          <A href="/app" class="link">
            Go to your home page
          </A>
        </p>
      </div>
    </div>
  );
}
