import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's own order (slowest or largest first), with the e2e files last: they wait on the demo
 * template, which the global set-up seeds meanwhile (global-setup.ts).
 */
export default class E2eLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const e2e = (f: TestSpecification) => /[\\/]tests[\\/]e2e[\\/]/.test(f.moduleId);
    return [...sorted.filter((f) => !e2e(f)), ...sorted.filter(e2e)];
  }
}
