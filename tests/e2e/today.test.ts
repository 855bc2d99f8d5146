import { describe, expect, it } from 'vitest';
import {
  apiCall,
  apiLogin,
  DEMO,
  expectNoAxeViolations,
  logInUi,
  newPage,
  PHONE,
  sidewaysOverflow,
  useE2eApp,
} from './support.ts';

const app = useE2eApp('today');

const TITLE = 'Call the lab about the fridge log';

describe('Today', () => {
  it('a request jotted by the manager reaches the front desk, who closes it', async () => {
    const manager = await newPage(app);
    await logInUi(manager.page, DEMO.manager, DEMO.password);
    const m = manager.page;
    await m.getByRole('heading', { name: 'Overdue' }).waitFor();
    // The seeded week: her own overdue request and what she asked of the front desk.
    await m.getByText('Renew CLIA certificate').waitFor();
    await m
      .getByRole('link', { name: /^Today/ })
      .first()
      .waitFor();
    await expectNoAxeViolations(m, 'Today (manager)');

    await m.getByLabel('What needs doing?').fill(`${TITLE.toLowerCase()} tomorrow @frontdesk !`);
    const understood = m.getByRole('list', { name: 'Understood' });
    await understood.getByText('High priority').waitFor();
    await understood.getByText('For Front desk').waitFor();
    await understood.getByText(/^Due /).waitFor();
    await m.getByRole('button', { name: 'Add', exact: true }).click();
    const waiting = m.getByRole('region', { name: /Waiting on others/ });
    await waiting.getByText(TITLE, { exact: true }).waitFor();
    expect(await m.getByLabel('What needs doing?').inputValue()).toBe('');

    const desk = await newPage(app);
    await logInUi(desk.page, DEMO.staff, DEMO.password);
    const d = desk.page;
    await d.setViewportSize(PHONE);
    const upcoming = d.getByRole('region', { name: /Upcoming/ });
    await upcoming.getByText(TITLE, { exact: true }).waitFor();
    expect(await sidewaysOverflow(d)).toEqual([]);
    await expectNoAxeViolations(d, 'Today (front desk, 375 px)');
    await upcoming.getByRole('button', { name: `Mark “${TITLE}” done` }).click();
    await d.getByText(`Done: ${TITLE}`).waitFor();
    await upcoming.getByText(TITLE, { exact: true }).waitFor({ state: 'detached' });

    await d.getByRole('tab', { name: 'Done' }).click();
    await d.getByLabel('Search done items').fill('fridge');
    await d.getByRole('tabpanel').getByText(TITLE, { exact: true }).waitFor();
    // Kim has other done items (signed documents); the search leaves only this one.
    await expect
      .poll(() =>
        d
          .getByRole('tabpanel')
          .getByText(/Done .* by Kim Nguyen/)
          .count(),
      )
      .toBe(1);

    // The manager's "waiting on others" no longer lists it.
    await m.reload();
    await m.getByRole('heading', { name: 'Overdue' }).waitFor();
    expect(await m.getByText(TITLE, { exact: true }).count()).toBe(0);
    await manager.context.close();
    await desk.context.close();
  });

  it('an overdue recall shows in Today and leaves once the patient is booked', async () => {
    const token = await apiLogin(app, DEMO.staff, DEMO.password);
    const recalls = (await apiCall(app, 'GET', '/scheduling/recalls?limit=100', { token })).body.items;
    const today = (await apiCall(app, 'GET', '/today', { token })).body;
    const recall = recalls.find((r: { dueDate: string }) => r.dueDate < today.date);
    expect(recall, 'the demo has an overdue recall').toBeDefined();
    const [first, last] = recall.patientName.split(', ').reverse();
    const title = `Recall ${first} ${last}: ${recall.reason}`;

    const { context, page } = await newPage(app);
    await logInUi(page, DEMO.staff, DEMO.password);
    const overdue = page.getByRole('region', { name: /Overdue/ });
    await overdue.getByRole('link', { name: title }).waitFor();
    const badge = await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Today/ })
      .textContent();
    expect(badge).toMatch(/\d+/);

    const [providers, types, locations] = await Promise.all(
      ['/scheduling/providers', '/scheduling/types', '/locations'].map(
        async (path) => (await apiCall(app, 'GET', path, { token })).body.items,
      ),
    );
    const booked = await apiCall(app, 'POST', '/scheduling/appointments', {
      token,
      json: {
        patientId: recall.patientId,
        providerId: providers.find((p: { active: boolean }) => p.active).id,
        locationId: locations[0].id,
        typeId: types[0].id,
        date: '2031-03-06',
        time: '10:00',
      },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    await page.reload();
    await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
    await page.getByRole('heading', { name: 'Upcoming' }).waitFor();
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);

    // The recall's link opens the recalls list itself.
    await page.goto('/app/schedule/waitlist?tab=recalls');
    await page.getByRole('tab', { name: 'Recalls', selected: true }).waitFor();
    await context.close();
  });
});
