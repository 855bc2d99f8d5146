import { createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { listLocations } from '../schedule/api.ts';
import type { ClaimFilters } from './api.ts';
import { serviceRangeText } from './drill-down.ts';
import './claim-filter-chips.css';

type Patch = Record<string, string | undefined>;

interface Chip {
  text: string;
  remove: Patch;
}

/**
 * The filters a link set that the toolbar has no field for (dates of service, a location, a
 * provider not known), in words, each removable. A drill-down lands here: the reader sees at once
 * which claims the list is narrowed to, and can widen it again.
 */
export function ActiveFilters(props: {
  filters: ClaimFilters;
  /** The address held dates the list could not use (not a date, or the range backwards). */
  badDates: boolean;
  onChange: (patch: Patch) => void;
}) {
  // Names for a location filter; the id stands in while they load or if they fail to.
  const locations = createAsync(() =>
    props.filters.location && props.filters.location !== '-'
      ? listLocations().catch(() => ({ items: [], nextCursor: null }))
      : Promise.resolve(undefined),
  );
  const chips = (): Chip[] => {
    const out: Chip[] = [];
    const dates = serviceRangeText(props.filters.serviceFrom, props.filters.serviceTo);
    if (dates) out.push({ text: dates, remove: { serviceFrom: undefined, serviceTo: undefined } });
    const location = props.filters.location;
    if (location) {
      const name =
        location === '-'
          ? 'not known'
          : (locations()?.items.find((l) => l.id === location)?.name ?? location);
      out.push({ text: `Location ${name}`, remove: { location: undefined } });
    }
    if (props.filters.provider === '-')
      out.push({ text: 'No provider named', remove: { provider: undefined } });
    return out;
  };
  return (
    <>
      <Show when={props.badDates}>
        <Alert tone="warning">
          The dates of service in this link are not valid dates (or the first is after the last), so the list
          shows every date.{' '}
          <Button size="sm" onClick={() => props.onChange({ serviceFrom: undefined, serviceTo: undefined })}>
            Clear the dates
          </Button>
        </Alert>
      </Show>
      {/* Only a location's name is loaded: the chips wait for it rather than show an id. */}
      <Suspense>
        <Show when={chips().length > 0}>
          <div class="claim-chips-bar">
            <ul class="claim-chips" aria-label="Also narrowed to">
              <For each={chips()}>
                {(chip) => (
                  <li class="claim-chip">
                    <span>{chip.text}</span>
                    <button
                      type="button"
                      class="claim-chip-remove"
                      aria-label={`Remove the filter: ${chip.text}`}
                      title="Remove this filter"
                      onClick={() => props.onChange(chip.remove)}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <Show when={props.filters.serviceFrom || props.filters.serviceTo}>
              <span class="muted small">The other tabs keep these dates.</span>
            </Show>
          </div>
        </Show>
      </Suspense>
    </>
  );
}
