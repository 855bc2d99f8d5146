import { toast } from '../components/ui/Toast.tsx';
import { errorMessage, isStale, STALE_MESSAGE } from './errors.ts';

/**
 * Runs one row's change (retire, reactivate…) with that row's button busy, then says how it
 * went; a stale copy is explained as someone else's change, since the list has just re-read.
 */
export async function rowAction(
  id: string,
  setBusyId: (id: string | undefined) => void,
  change: () => Promise<unknown>,
  done: string,
): Promise<void> {
  setBusyId(id);
  try {
    await change();
    toast.success(done);
  } catch (err) {
    toast.error(isStale(err) ? STALE_MESSAGE : errorMessage(err));
  } finally {
    setBusyId(undefined);
  }
}
