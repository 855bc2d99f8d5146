import { createSignal } from 'solid-js';
import { toast } from '../components/ui/Toast.tsx';

const OFFLINE = 'Could not reach Rounds. Check your connection and try again.';

/**
 * A part of a page that is fetched the first time it is needed (a dialog, say), so that its code
 * and whatever it imports stay out of the page's first load. `component()` is undefined until
 * `load()` has brought the module in; a failed fetch says so and is tried again on the next `load()`.
 * Unlike `lazy()`, nothing suspends while it loads: the page stays as it is.
 */
export function onDemand<C>(fetch: () => Promise<C>): { component: () => C | undefined; load: () => void } {
  const [component, setComponent] = createSignal<C>();
  let loading = false;
  return {
    component,
    load() {
      if (loading) return;
      loading = true;
      fetch()
        .then((c) => setComponent(() => c))
        .catch(() => {
          loading = false;
          toast.error(OFFLINE);
        });
    },
  };
}
