import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { canAccess } from '../../app/access.ts';
import { navFor } from '../../app/modules.ts';
import { me } from '../../app/session.ts';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { firstName, roleLabel } from '../../lib/format.ts';
import { SetupGuide } from '../setup-guide/SetupGuide.tsx';

function greeting(): string {
  const h = new Date().getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

/** Welcome and a card for each module this user can open (only modules that exist). */
export function HomePage() {
  const m = () => me()!;
  const modules = () => navFor(m());
  return (
    <div class="page">
      <PageHeader
        title={`${greeting()}, ${firstName(m().user.name)}`}
        documentTitle="Home"
        description={
          <>
            You're signed in to <strong>{m().tenant.name}</strong> as {roleLabel(m().user.role)}.
          </>
        }
      />
      {/* A new practice's first job is the setup guide: it sits on top until every required step is done. */}
      <Show when={canAccess(m(), 'schedule-admin')}>
        <SetupGuide hideWhenComplete />
      </Show>
      <Show
        when={modules().length > 0}
        fallback={
          <section class="card" aria-labelledby="home-account-title">
            <div class="card-header">
              <h2 id="home-account-title" class="card-title">
                Your account
              </h2>
            </div>
            <div class="card-body">
              <dl class="details">
                <div>
                  <dt>Name</dt>
                  <dd>{m().user.name}</dd>
                </div>
                <div>
                  <dt>Email</dt>
                  <dd class="break">{m().user.email}</dd>
                </div>
                <div>
                  <dt>Role</dt>
                  <dd>{roleLabel(m().user.role)}</dd>
                </div>
                <div>
                  <dt>{m().tenant.kind === 'practice' ? 'Practice' : 'Association'}</dt>
                  <dd>{m().tenant.name}</dd>
                </div>
              </dl>
              <p class="muted">
                Your administrator manages team, settings and the audit log. If you need access to more of
                Rounds, ask an owner or practice manager.
              </p>
            </div>
          </section>
        }
      >
        <section aria-labelledby="home-modules-title">
          <h2 id="home-modules-title" class="section-title">
            Your workspace
          </h2>
          <ul class="module-grid">
            <For each={modules()}>
              {(item) => (
                <li>
                  <A href={item.href} class="module-card">
                    <span class="module-icon" aria-hidden="true">
                      <svg viewBox="0 0 24 24" aria-hidden="true">
                        <path
                          d={item.icon}
                          fill="none"
                          stroke="currentColor"
                          stroke-width="1.7"
                          stroke-linecap="round"
                          stroke-linejoin="round"
                        />
                      </svg>
                    </span>
                    <span class="module-title">{item.label}</span>
                    <span class="module-desc">{item.description}</span>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </div>
  );
}
