import { createSignal, For } from 'solid-js';
import type { Appointment } from '../../../../shared/schemas/scheduling.ts';
import { minutesOf } from '../../../../shared/time.ts';

/** The grid shows 07:00 to 19:00 in 15-minute rows. */
const FIRST = 7 * 60;
const LAST = 19 * 60;
const ROW = 15;
const ROWS = (LAST - FIRST) / ROW;
/** Visits are placed on 5-minute lines, so 08:40 starts where the 08:00–08:40 visit ends. */
const LINE = 5;
const LINES_PER_ROW = ROW / LINE;
/** The grid line (1-based, after the header) where a 15-minute row starts. */
const rowLine = (r: number) => r * LINES_PER_ROW + 2;
/** Shorter visits get one line: time, name and type side by side. */
const SHORT_VISIT = 30;

/** "HH:MM" of minutes after midnight. */
export const clockTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Visits no longer on the schedule: not draggable. */
export const GONE = new Set(['cancelled', 'rescheduled']);

export interface GridColumn {
  id: string;
  label: string;
  color?: string;
  /** Working hours (local "HH:MM"); cells outside them are shaded. Absent: not known, no shading. */
  open?: { start: string; end: string }[];
  /** Why the whole day is off (time off, holiday, closure). */
  offReason?: string;
}

const OFF_LABELS = { time_off: 'Time off', holiday: 'Holiday', closure: 'Closed' } as const;

/** A column's off-day note: "Holiday: Thanksgiving". */
export const offReason = (closed?: { kind: keyof typeof OFF_LABELS; reason: string }) =>
  closed ? `${OFF_LABELS[closed.kind]}: ${closed.reason}` : undefined;

const isOff = (c: GridColumn, minutes: number) =>
  c.open !== undefined &&
  !c.open.some((o) => minutesOf(o.start) <= minutes && minutes + ROW <= minutesOf(o.end));

/**
 * A time grid: one column per provider (day view) or per day (week view), visits as blocks.
 * Drag a block onto a cell to move it; keyboard users move a visit with "Move…" in its dialog.
 */
export function TimeGrid(props: {
  label: string;
  columns: GridColumn[];
  appointments: Appointment[];
  columnOf: (a: Appointment) => string;
  onOpen: (a: Appointment) => void;
  onDrop: (a: Appointment, columnId: string, time: string) => void;
  /** Click or Enter on an empty time: book there. Without it, the cells are only drop targets. */
  onPick?: (columnId: string, time: string) => void;
}) {
  // One cell is in the tab order (roving focus); arrow keys move between cells, Enter books.
  // Until the user moves, the tab stop is the first open time of the first column (hours load late).
  const [moved, setActive] = createSignal<[number, number]>();
  const active = () => moved() ?? [0, firstOpenRow()];
  let grid: HTMLDivElement | undefined;
  function firstOpenRow() {
    const c = props.columns[0];
    const r = Array.from({ length: ROWS }, (_, i) => i).find((i) => c && !isOff(c, FIRST + i * ROW));
    return r ?? 0;
  }
  const moveFocus = (e: KeyboardEvent, col: number, row: number) => {
    const steps: Record<string, [number, number]> = {
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
    };
    const step = steps[e.key];
    if (!step || e.altKey) return;
    e.preventDefault();
    const next: [number, number] = [
      Math.min(Math.max(col + step[0], 0), props.columns.length - 1),
      Math.min(Math.max(row + step[1], 0), ROWS - 1),
    ];
    setActive(next);
    grid?.querySelector<HTMLElement>(`[data-cell="${next[0]}:${next[1]}"]`)?.focus();
  };
  const isActive = (col: number, row: number) => active()[0] === col && active()[1] === row;

  // The visit being dragged; kept here too because some browsers hide dataTransfer until drop.
  const [dragging, setDragging] = createSignal<Appointment>();
  const placed = () =>
    props.appointments.filter((a) => props.columns.some((c) => c.id === props.columnOf(a)));
  // The keyboard's drag: Alt + arrows move a visit by one row or one column, through the same drop path.
  const nudge = (e: KeyboardEvent, a: Appointment) => {
    const steps: Record<string, [number, number]> = {
      ArrowUp: [0, -ROW],
      ArrowDown: [0, ROW],
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
    };
    const step = steps[e.key];
    if (!e.altKey || !step || GONE.has(a.status)) return;
    e.preventDefault();
    const column = props.columns[props.columns.findIndex((c) => c.id === props.columnOf(a)) + step[0]];
    const minutes = minutesOf(a.time) + step[1];
    if (column && minutes >= FIRST && minutes < LAST) props.onDrop(a, column.id, clockTime(minutes));
  };
  return (
    <>
      <section class="sched-scroll" tabindex="0" aria-label={props.label}>
        <div
          ref={grid}
          class="sched-grid"
          style={{
            'grid-template-columns': `4rem repeat(${Math.max(props.columns.length, 1)}, minmax(9rem, 1fr))`,
            'grid-template-rows': `auto repeat(${ROWS * LINES_PER_ROW}, ${1.6 / LINES_PER_ROW}rem)`,
          }}
        >
          <div class="sched-corner" />
          <For each={props.columns}>
            {(c, i) => (
              <div class="sched-head" style={{ 'grid-column': String(i() + 2) }}>
                {c.color ? (
                  <span class="sched-dot" style={{ background: c.color }} aria-hidden="true" />
                ) : null}
                {c.label}
                {c.offReason ? <span class="sched-off-reason">{c.offReason}</span> : null}
              </div>
            )}
          </For>
          <For each={Array.from({ length: ROWS }, (_, r) => r)}>
            {(r) => (
              <>
                <div class="sched-time" style={{ 'grid-row': `${rowLine(r)} / span ${LINES_PER_ROW}` }}>
                  {r % 4 === 0 ? clockTime(FIRST + r * ROW) : ''}
                </div>
                <For each={props.columns}>
                  {(c, i) => {
                    const time = clockTime(FIRST + r * ROW);
                    const drop = (e: DragEvent) => {
                      e.preventDefault();
                      const id = e.dataTransfer?.getData('text/plain') || dragging()?.id;
                      const a = props.appointments.find((x) => x.id === id);
                      setDragging(undefined);
                      if (a) props.onDrop(a, c.id, time);
                    };
                    const place = {
                      'grid-row': `${rowLine(r)} / span ${LINES_PER_ROW}`,
                      'grid-column': String(i() + 2),
                    };
                    const cls = `sched-cell${isOff(c, FIRST + r * ROW) ? ' sched-cell-off' : ''}`;
                    return props.onPick ? (
                      <button
                        type="button"
                        class={cls}
                        style={place}
                        tabindex={isActive(i(), r) ? 0 : -1}
                        aria-label={`Book ${time} with ${c.label}${isOff(c, FIRST + r * ROW) ? ' (outside hours)' : ''}`}
                        onClick={() => props.onPick?.(c.id, time)}
                        onFocus={() => setActive([i(), r])}
                        onKeyDown={(e) => moveFocus(e, i(), r)}
                        onDragOver={(e) => e.preventDefault()}
                        onDrop={drop}
                        data-cell={`${i()}:${r}`}
                        data-slot={`${c.id}@${time}`}
                      />
                    ) : (
                      // biome-ignore lint/a11y/noStaticElementInteractions: a mouse drop target; keyboard users move a visit with "Move…"
                      <div
                        class={cls}
                        style={place}
                        onDragOver={(e) => e.preventDefault()}
                        onDrop={drop}
                        data-slot={`${c.id}@${time}`}
                      />
                    );
                  }}
                </For>
              </>
            )}
          </For>
          <For each={placed()}>
            {(a) => {
              const col = () => props.columns.findIndex((c) => c.id === props.columnOf(a)) + 2;
              const start = () => Math.max(0, Math.floor((minutesOf(a.time) - FIRST) / LINE));
              const span = () => Math.max(LINES_PER_ROW, Math.ceil(a.durationMinutes / LINE));
              return (
                <button
                  type="button"
                  class={`sched-appt status-${a.status}${a.durationMinutes < SHORT_VISIT ? ' sched-appt-short' : ''}`}
                  style={{
                    'grid-column': String(col()),
                    'grid-row': `${start() + 2} / span ${span()}`,
                    'border-left-color': a.color,
                  }}
                  draggable={!GONE.has(a.status)}
                  onDragStart={(e) => {
                    setDragging(a);
                    e.dataTransfer?.setData('text/plain', a.id);
                  }}
                  onClick={() => props.onOpen(a)}
                  onKeyDown={(e) => nudge(e, a)}
                  aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight"
                  data-at={`${props.columnOf(a)}@${a.time}`}
                  aria-label={`${a.time} ${a.patientName}, ${a.typeName}, ${a.status.replace('_', ' ')}`}
                  title={`${a.time}–${a.endTime} ${a.patientName}, ${a.typeName}`}
                >
                  <span class="sched-appt-time">{a.time}</span>{' '}
                  <span class="sched-appt-name">{a.patientName}</span>
                  <span class="sched-appt-type">{a.typeName}</span>
                </button>
              );
            }}
          </For>
        </div>
      </section>
      <p class="muted sched-hint">
        {props.onPick
          ? 'Click an empty time, or move to it with the arrow keys and press Enter, to book there. '
          : ''}
        Drag a visit to move it, or select it and press Alt + arrow keys: up and down by 15 minutes, left and
        right to the next column.
      </p>
    </>
  );
}
