import { createSignal, For, Show } from 'solid-js';
import type { Compare } from '../../../../shared/schemas/benchmarks.ts';
import { Pager } from '../../components/ui/Table.tsx';
import { formatValue, groupByModule, monthName } from './metric-format.ts';

/** A year of months per page: the table is wide (one column per metric), so it pages down, not across. */
const PAGE_MONTHS = 12;

/**
 * Exactly what the practice shared with the association: its own monthly values, newest month
 * first, one column per metric. Nothing else about the practice leaves it.
 */
export function SharedTable(props: { data: Compare }) {
  const [page, setPage] = createSignal(0);
  const metrics = () => groupByModule(props.data.metrics).flatMap((g) => g.metrics);
  const rows = () => props.data.contributed.slice(page() * PAGE_MONTHS, (page() + 1) * PAGE_MONTHS);
  const pages = () => Math.ceil(props.data.contributed.length / PAGE_MONTHS);
  return (
    <div class="stack">
      <Show
        when={props.data.contributed.length > 0}
        fallback={
          <p class="muted">Nothing shared yet: your first month is shared at the next monthly rollup.</p>
        }
      >
        {/* Focusable, so keyboard users can scroll the metrics sideways. */}
        <section class="bench-scroll bench-shared" tabindex="0" aria-label="What we shared, by month">
          <table class="table">
            <caption class="visually-hidden">
              Your practice's monthly values shared with {props.data.associationName}, newest month first
            </caption>
            <thead>
              <tr>
                <th scope="col" class="bench-sticky">
                  Month
                </th>
                <For each={metrics()}>
                  {(m) => (
                    <th scope="col" class="num">
                      {m.label}
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr>
                    <th scope="row" class="bench-sticky nowrap">
                      {monthName(row.month)}
                    </th>
                    <For each={metrics()}>
                      {(m) => (
                        <td class="num nowrap">
                          <Show
                            when={row.values[m.id] !== undefined}
                            fallback={
                              <span class="muted">
                                <span aria-hidden="true">—</span>
                                <span class="visually-hidden">Not shared</span>
                              </span>
                            }
                          >
                            {formatValue(m.unit, row.values[m.id]!)}
                          </Show>
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
        <p class="small muted">
          A dash means the measure had no value that month (nothing to count), so nothing was shared for it.
        </p>
        <Pager
          label="Shared months"
          page={page() + 1}
          hasPrev={page() > 0}
          hasNext={page() + 1 < pages()}
          onPrev={() => setPage(page() - 1)}
          onNext={() => setPage(page() + 1)}
        />
      </Show>
    </div>
  );
}
