import { Show } from 'solid-js';
import { me } from '../app/session.ts';
import { HomePage } from '../features/home/HomePage.tsx';
import { TodayPage } from '../features/today/TodayPage.tsx';

/** A practice user's home is Today; an association's is its workspace. */
export default function HomeRoute() {
  return (
    <Show when={me()?.tenant.kind === 'practice'} fallback={<HomePage />}>
      <TodayPage />
    </Show>
  );
}
