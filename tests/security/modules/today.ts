import { type ModuleFixture, poster } from './module-fixture.ts';

/** Today: one jotted request in practice A. */
export const todayFixture: ModuleFixture = {
  seed: async ({ t, a }) => ({
    todayItemId: await poster(t, a)('/today/items', {
      title: 'Call the Aetna rep about denials',
      dueDate: '2027-03-05',
    }),
  }),
  idPrefixes: { '/today/items': 'todayItemId' },
  queries: () => ({}),
  bodies: () => ({
    'POST /today/items': { title: 'Order flu vaccine', dueDate: '2027-01-15', assignee: { role: 'staff' } },
    'POST /today/items/:id/actions': { action: 'comment', text: 'Left a message', version: 1 },
    'PUT /today/preferences': { digest: false },
  }),
};
