import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDomains } from '../../functions/local/domains.ts';
import { createTestApp } from '../support/app.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('standing rules', () => {
  it('no request-path code scans the table', () => {
    const offenders = files('functions')
      .filter((f) => !f.startsWith('functions/jobs/') && !f.startsWith('functions/local/'))
      .filter((f) => /ScanCommand|\.scan\(|['"]Scan['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('only the config module reads process.env', () => {
    const offenders = files('functions')
      .filter((f) => !f.startsWith('functions/local/') && f !== 'functions/platform/config.ts')
      .filter((f) => readFileSync(f, 'utf8').includes('process.env'));
    expect(offenders).toEqual([]);
  });

  it('services and routes never touch the AWS SDK; domains never import each other', () => {
    const domainFiles = files('functions').filter((f) => !/^functions\/(platform|local|jobs)\//.test(f));
    for (const f of domainFiles) {
      const src = readFileSync(f, 'utf8');
      if (!f.endsWith('.repo.ts') && !f.endsWith('handler.ts')) expect(src, f).not.toMatch(/@aws-sdk\//);
      if (f.endsWith('.service.ts')) expect(src, f).not.toMatch(/from 'hono/);
      const domain = f.split('/')[1];
      // DESIGN.md: a cross-domain read goes through another domain's exported service
      // function, and the importing module's header comment names it.
      const header = /^\/\*\*[\s\S]*?\*\//.exec(src)?.[0] ?? '';
      for (const m of Array.from(src.matchAll(/import ([^;]*?) from '\.\.\/([a-z-]+)\/([a-z.-]+)'/g))) {
        const [, clause, target, file] = m as unknown as [string, string, string, string];
        if (target === 'platform' || target === domain) continue;
        expect(file, `${f} imports ${target}/${file}: only services may be shared`).toMatch(/\.service\.ts$/);
        expect(clause, `${f}: import named functions from ${target}, not a namespace`).toMatch(/^(type )?\{/);
        for (const name of clause
          .replace(/[{}]|type /g, '')
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)) {
          expect(header, `${f} must name ${target}'s ${name} in its header comment`).toContain(name);
        }
      }
    }
  });

  it('the audit log has read routes only, and every route declares its roles', async () => {
    const t = await createTestApp();
    const specs = allDomains(t.platform).flatMap((d) => d.specs);
    expect(specs.filter((s) => s.path.startsWith('/audit')).map((s) => s.method)).toEqual(['get']);
    for (const s of specs) expect(s.roles === 'public' || s.roles.length > 0, s.path).toBe(true);
  });
});
