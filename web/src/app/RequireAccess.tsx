import { type JSX, Show } from 'solid-js';
import { type Area, canAccess } from './access.ts';
import { NoAccess } from './NoAccess.tsx';
import { me } from './session.ts';

/** Renders the page only for roles that may open it; others get a friendly explanation. */
export function RequireAccess(props: { area: Area; children: JSX.Element }) {
  const allowed = () => {
    const m = me();
    return m ? canAccess(m, props.area) : false;
  };
  return (
    <Show when={allowed()} fallback={<NoAccess />}>
      {props.children}
    </Show>
  );
}
