import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDomains } from '../../functions/local/domains.ts';
import { auditActionChoices, auditEntityChoices, MODULE_IDS } from '../../shared/modules.ts';
import { createTestApp } from '../support/app.ts';

/** Every `.ts` file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}
const code = sources('functions').map((f) => readFileSync(f, 'utf8'));
const written = (field: string) =>
  new Set(
    code.flatMap((text) => [...text.matchAll(new RegExp(`${field}: '([a-z_.]+)'`, 'g'))].map((m) => m[1]!)),
  );

describe('the module list (shared/modules.ts)', () => {
  it('names one Lambda entry and one mounted app per module, in order', async () => {
    for (const id of MODULE_IDS) expect(existsSync(`functions/${id}/handler.ts`), id).toBe(true);
    const t = await createTestApp();
    expect(allDomains(t.platform).map((d) => d.name)).toEqual([...MODULE_IDS]);
  });

  it('offers an audit-log filter for every action and entity type the code records', () => {
    const choices = [...auditActionChoices('practice'), ...auditActionChoices('association')].map(
      (c) => c.value,
    );
    const actions = [...written('action')].filter((a) => /^[a-z_]+\.[a-z_]+$/.test(a));
    expect(actions.length).toBeGreaterThan(20);
    const unfiltered = actions.filter(
      (a) => !choices.some((c) => c === a || (c.endsWith('.') && a.startsWith(c))),
    );
    expect(unfiltered).toEqual([]);
    const entities = [...auditEntityChoices('practice'), ...auditEntityChoices('association')].map(
      (c) => c.value,
    );
    expect([...written('entityType')].filter((e) => !entities.includes(e))).toEqual([]);
  });

  it('offers an association only the filters of modules it uses', () => {
    const values = auditActionChoices('association').map((c) => c.value);
    expect(values).toContain('team.');
    expect(values.some((v) => v.startsWith('patient.') || v.startsWith('today.'))).toBe(false);
  });
});
