import type { ModuleFixture } from './module-fixture.ts';

/** Benchmarks: practice A is a member of association X (tenants fixture); nothing of its own to seed. */
export const benchmarksFixture: ModuleFixture = {
  seed: async () => ({}),
  idPrefixes: {},
  queries: (ids) => ({ '/benchmarks/compare': `?associationId=${ids.associationId}` }),
  bodies: () => ({}),
};
