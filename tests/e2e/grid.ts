/**
 * The day and week grids (web/src/features/schedule/TimeGrid.tsx) have no element per empty time:
 * each column (a provider, or a day) is one layer, `.sched-slots[data-column]` spanning
 * data-from..data-to, that reads the time off the pointer; its hours off are `.sched-off` runs
 * (data-from..data-to). These helpers point at a time the way a person would, by position.
 */
import type { Locator, Page } from 'playwright-core';

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const layer = (page: Page, column: string) => page.locator(`.sched-slots[data-column="${column}"]`);

/** Where `time` sits down the layer, as a fraction of its height: the middle of its 15-minute row. */
async function fractionOf(column: Locator, time: string): Promise<number> {
  const [from, to] = await Promise.all([column.getAttribute('data-from'), column.getAttribute('data-to')]);
  return (minutes(time) + 7.5 - minutes(from!)) / (minutes(to!) - minutes(from!));
}

/** Clicks an empty time of a column (Playwright scrolls the grid to it first). */
export async function clickGridTime(page: Page, column: string, time: string): Promise<void> {
  const target = layer(page, column);
  const box = (await target.boundingBox())!;
  const y = box.height * (await fractionOf(target, time));
  await target.click({ position: { x: box.width / 2, y } });
}

/** Drags a visit onto a time of a column, with the events a browser dispatches for HTML5 drag and drop. */
export async function dragToGridTime(
  page: Page,
  visit: Locator,
  column: string,
  time: string,
): Promise<void> {
  const target = layer(page, column);
  const fraction = await fractionOf(target, time);
  const at = await target.evaluate((el, f) => {
    const box = el.getBoundingClientRect();
    return { clientX: box.left + box.width / 2, clientY: box.top + box.height * f };
  }, fraction);
  const transfer = await page.evaluateHandle(() => new DataTransfer());
  await visit.dispatchEvent('dragstart', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer, ...at });
  await target.dispatchEvent('drop', { dataTransfer: transfer, ...at });
}

/** Whether the grid shades `time` of a column as outside its hours. */
export async function isOffHours(page: Page, column: string, time: string): Promise<boolean> {
  const runs = await page
    .locator(`.sched-off[data-column="${column}"]`)
    .evaluateAll((els) => els.map((el) => [el.getAttribute('data-from')!, el.getAttribute('data-to')!]));
  return runs.some(([from, to]) => minutes(from!) <= minutes(time) && minutes(time) < minutes(to!));
}
