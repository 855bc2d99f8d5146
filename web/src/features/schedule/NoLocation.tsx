import { A } from '@solidjs/router';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { EmptyState } from '../../components/ui/EmptyState.tsx';

/**
 * A schedule page of a practice without a location yet: what is missing and the next step
 * (owners and managers get the button; others learn who adds it).
 */
export function NoLocation(props: { purpose: string }) {
  const admin = () => (me() ? canAccess(me()!, 'schedule-admin') : false);
  return (
    <EmptyState
      title="No locations yet"
      action={
        admin() ? (
          <A href="/app/settings?tab=locations" class="btn btn-primary">
            Add a location
          </A>
        ) : undefined
      }
    >
      {props.purpose}{' '}
      {admin()
        ? "Add the practice's first location, with its address and opening hours, to start scheduling."
        : 'An owner or practice manager adds the first one in Settings.'}
    </EmptyState>
  );
}

/** The day grid without providers: scheduling needs someone to book with. */
export function NoProviders(props: { locationName?: string }) {
  const admin = () => (me() ? canAccess(me()!, 'schedule-admin') : false);
  return (
    <EmptyState
      title={props.locationName ? `No provider works at ${props.locationName} yet` : 'No providers yet'}
      action={
        admin() ? (
          <A href="/app/schedule/setup?tab=providers" class="btn btn-primary">
            Add a provider
          </A>
        ) : undefined
      }
    >
      {admin()
        ? 'Add the providers who see patients here and their weekly hours; then visits can be booked.'
        : 'An owner or practice manager adds providers and their hours in Schedule setup.'}
    </EmptyState>
  );
}
