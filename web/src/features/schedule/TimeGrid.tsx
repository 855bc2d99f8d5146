import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Appointment } from '../../../../shared/schemas/scheduling.ts';
import { minutesOf } from '../../../../shared/time.ts';
import { formatHourMark, formatLocalTime } from '../../lib/format.ts';
import { createLater } from '../../lib/later.tsx';

/** The grid shows 07:00 to 19:00 in 15-minute rows. */
const FIRST = 7 * 60;
const LAST = 19 * 60;
const ROW = 15;
const ROWS = (LAST - FIRST) / ROW;
const ROWS_PER_HOUR = 60 / ROW;
/** Visits are placed on 5-minute lines, so 08:40 starts where the 08:00–08:40 visit ends. */
const LINE = 5;
const LINES_PER_ROW = ROW / LINE;
/** The grid line (1-based, after the header) where a 15-minute row starts. */
const rowLine = (r: number) => r * LINES_PER_ROW + 2;
/** A run of rows as a grid-row value. */
const rows = (from: number, count: number) => `${rowLine(from)} / span ${count * LINES_PER_ROW}`;
/** Shorter visits get one line: time, name and type side by side. */
const SHORT_VISIT = 30;

/** "HH:MM" of minutes after midnight. */
export const clockTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const rowTime = (r: number) => clockTime(FIRST + r * ROW);

/** Visits no longer on the schedule: not draggable. */
export const GONE = new Set(['cancelled', 'rescheduled']);

export interface GridColumn {
  id: string;
  label: string;
  color?: string;
  /** Working hours (local "HH:MM"); rows outside them are shaded. Absent: not known, no shading. */
  open?: { start: string; end: string }[];
  /** Why the whole day is off (time off, holiday, closure). */
  offReason?: string;
}

const OFF_LABELS = { time_off: 'Time off', holiday: 'Holiday', closure: 'Closed' } as const;

/** A column's off-day note: "Holiday: Thanksgiving". */
export const offReason = (closed?: { kind: keyof typeof OFF_LABELS; reason: string }) =>
  closed ? `${OFF_LABELS[closed.kind]}: ${closed.reason}` : undefined;

/** Whether row `r` lies outside the column's hours (a row is open only if wholly inside an open span). */
const isOff = (c: GridColumn, r: number) => {
  const minutes = FIRST + r * ROW;
  return (
    c.open !== undefined &&
    !c.open.some((o) => minutesOf(o.start) <= minutes && minutes + ROW <= minutesOf(o.end))
  );
};

/** The column's rows outside its hours, as runs: [first row, row count]. */
function offRuns(c: GridColumn): [number, number][] {
  const runs: [number, number][] = [];
  for (let r = 0; r < ROWS; r++) {
    if (!isOff(c, r)) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === r) last[1]++;
    else runs.push([r, 1]);
  }
  return runs;
}

/** The row under a pointer event on a column's time layer. */
function rowAt(e: MouseEvent): number {
  const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
  const r = Math.floor(((e.clientY - box.top) / box.height) * ROWS);
  return Math.min(Math.max(r, 0), ROWS - 1);
}

/**
 * A time grid: one column per provider (day view) or per day (week view), visits as blocks.
 * Drag a block onto a time to move it; keyboard users move a visit with "Move…" in its dialog or
 * with Alt + arrow keys.
 *
 * Empty times are not one element each (ten providers would make ~500 buttons, slow to build on
 * a phone): each column is one layer that reads the time off the pointer, its hours off are a few
 * shaded runs, and the keyboard gets one cell, the grid's roving tab stop, which the arrow keys
 * move from time to time (drawn anew each time, so screen readers announce it) and Enter books.
 */
export function TimeGrid(props: {
  label: string;
  columns: GridColumn[];
  appointments: Appointment[];
  columnOf: (a: Appointment) => string;
  onOpen: (a: Appointment) => void;
  onDrop: (a: Appointment, columnId: string, time: string) => void;
  /** Click or Enter on an empty time: book there. Without it, the columns are only drop targets. */
  onPick?: (columnId: string, time: string) => void;
}) {
  // The keyboard's cell [column, row]. Until the user moves, it is the first open time of the
  // first column (hours load late).
  const [moved, setActive] = createSignal<[number, number]>();
  const active = (): [number, number] => {
    const m = moved();
    if (m) return [Math.min(m[0], Math.max(props.columns.length - 1, 0)), m[1]];
    const c = props.columns[0];
    const r = c ? Array.from({ length: ROWS }, (_, i) => i).find((i) => !isOff(c, i)) : undefined;
    return [0, r ?? 0];
  };
  // The cell is drawn anew only when its time, column or label changes (a refetched board keeps focus).
  const cell = createMemo(
    () => {
      const [col, row] = active();
      const c = props.columns[col];
      if (!c) return undefined;
      const off = isOff(c, row);
      const time = rowTime(row);
      const label = `Book ${formatLocalTime(time)} with ${c.label}${off ? ' (outside hours)' : ''}`;
      return { col, row, columnId: c.id, time, off, label, key: `${col}|${c.id}@${time}|${label}` };
    },
    undefined,
    { equals: (a, b) => a?.key === b?.key },
  );
  let grid: HTMLDivElement | undefined;
  const focusCell = () => grid?.querySelector<HTMLElement>('.sched-cell')?.focus();
  const moveFocus = (e: KeyboardEvent) => {
    const steps: Record<string, [number, number]> = {
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
    };
    const step = steps[e.key];
    if (!step || e.altKey) return;
    e.preventDefault();
    const [col, row] = active();
    setActive([
      Math.min(Math.max(col + step[0], 0), props.columns.length - 1),
      Math.min(Math.max(row + step[1], 0), ROWS - 1),
    ]);
    // The cell is drawn anew at its new time (so screen readers announce it): focus follows.
    focusCell();
  };

  // The visit being dragged; kept here too because some browsers hide dataTransfer until drop.
  const [dragging, setDragging] = createSignal<Appointment>();
  // The time under the pointer (or under a dragged visit): [column, row].
  const [hover, setHover] = createSignal<[number, number] | undefined>(undefined, {
    equals: (a, b) => a?.[0] === b?.[0] && a?.[1] === b?.[1],
  });
  // The visits are drawn a task after the grid itself: the two halves of the day view's first
  // render each stay short, and the grid (headings, hours, empty times) shows as soon as it can.
  const visitsShown = createLater();
  const placed = () =>
    visitsShown()
      ? props.appointments.filter((a) => props.columns.some((c) => c.id === props.columnOf(a)))
      : [];
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
  const dropAt = (e: DragEvent, columnId: string, time: string) => {
    const id = e.dataTransfer?.getData('text/plain') || dragging()?.id;
    const a = props.appointments.find((x) => x.id === id);
    setDragging(undefined);
    setHover(undefined);
    if (a) props.onDrop(a, columnId, time);
  };
  const hourLabels = Array.from({ length: ROWS / ROWS_PER_HOUR }, (_, h) => h);
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
          <For each={hourLabels}>
            {(h) => (
              <div class="sched-time" style={{ 'grid-row': rows(h * ROWS_PER_HOUR, ROWS_PER_HOUR) }}>
                {formatHourMark(rowTime(h * ROWS_PER_HOUR))}
              </div>
            )}
          </For>
          <For each={props.columns}>
            {(c, i) => (
              <>
                <For each={offRuns(c)}>
                  {([from, count]) => (
                    <div
                      class="sched-off"
                      style={{ 'grid-row': rows(from, count), 'grid-column': String(i() + 2) }}
                      data-column={c.id}
                      data-from={rowTime(from)}
                      data-to={rowTime(from + count)}
                    />
                  )}
                </For>
                {/* biome-ignore lint/a11y/noStaticElementInteractions: the pointer's way to a time; keyboard users have the grid's cell (arrow keys, Enter) */}
                {/* biome-ignore lint/a11y/useKeyWithClickEvents: as above */}
                <div
                  class={`sched-slots${props.onPick ? ' sched-slots-pick' : ''}`}
                  style={{ 'grid-row': rows(0, ROWS), 'grid-column': String(i() + 2) }}
                  data-column={c.id}
                  data-from={rowTime(0)}
                  data-to={rowTime(ROWS)}
                  onClick={(e) => {
                    if (!props.onPick) return;
                    const r = rowAt(e);
                    // Focus moves to the picked time, as a click on a button would: the dialog returns it there.
                    setActive([i(), r]);
                    focusCell();
                    props.onPick(c.id, rowTime(r));
                  }}
                  onPointerMove={(e) => e.pointerType === 'mouse' && setHover([i(), rowAt(e)])}
                  onPointerLeave={() => setHover(undefined)}
                  onDragOver={(e) => {
                    e.preventDefault();
                    setHover([i(), rowAt(e)]);
                  }}
                  onDragLeave={() => setHover(undefined)}
                  onDrop={(e) => {
                    e.preventDefault();
                    dropAt(e, c.id, rowTime(rowAt(e)));
                  }}
                />
              </>
            )}
          </For>
          <Show when={hover()}>
            {(h) => (
              <div
                class="sched-hover"
                style={{ 'grid-row': rows(h()[1], 1), 'grid-column': String(h()[0] + 2) }}
                aria-hidden="true"
              />
            )}
          </Show>
          <Show when={props.onPick && cell()} keyed>
            {(k) => (
              <button
                type="button"
                class={`sched-cell${k.off ? ' sched-cell-off' : ''}`}
                style={{ 'grid-row': rows(k.row, 1), 'grid-column': String(k.col + 2) }}
                tabindex="0"
                aria-label={k.label}
                onClick={() => props.onPick?.(k.columnId, k.time)}
                onKeyDown={moveFocus}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  dropAt(e, k.columnId, k.time);
                }}
                data-slot={`${k.columnId}@${k.time}`}
              />
            )}
          </Show>
          <For each={placed()}>
            {(a) => {
              // A visit never changes in place (a refetch brings new objects, so new buttons): its
              // text and attributes are worked out once, not watched one by one. Only its column
              // follows the columns.
              const col = () => props.columns.findIndex((c) => c.id === props.columnOf(a)) + 2;
              const start = Math.max(0, Math.floor((minutesOf(a.time) - FIRST) / LINE));
              const span = Math.max(LINES_PER_ROW, Math.ceil(a.durationMinutes / LINE));
              const time = formatLocalTime(a.time);
              const kind = `sched-appt status-${a.status}${a.durationMinutes < SHORT_VISIT ? ' sched-appt-short' : ''}`;
              const at = `${props.columnOf(a)}@${a.time}`;
              const label = `${time} ${a.patientName}, ${a.typeName}, ${a.status.replace('_', ' ')}`;
              const title = `${time}–${formatLocalTime(a.endTime)} ${a.patientName}, ${a.typeName}`;
              const patientName = a.patientName;
              const typeName = a.typeName;
              const movable = !GONE.has(a.status);
              return (
                <button
                  type="button"
                  class={kind}
                  style={{
                    'grid-column': String(col()),
                    'grid-row': `${start + 2} / span ${span}`,
                    'border-left-color': a.color,
                  }}
                  draggable={movable}
                  onDragStart={(e) => {
                    setDragging(a);
                    e.dataTransfer?.setData('text/plain', a.id);
                  }}
                  onDragEnd={() => setHover(undefined)}
                  onClick={() => props.onOpen(a)}
                  onKeyDown={(e) => nudge(e, a)}
                  aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight"
                  data-at={at}
                  aria-label={label}
                  title={title}
                >
                  <span class="sched-appt-time">{time}</span>{' '}
                  <span class="sched-appt-name">{patientName}</span>
                  <span class="sched-appt-type">{typeName}</span>
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
