import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { afterAll } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { RoundsStack } from '../../infra/rounds-stack.ts';
import { STAGES, type StageConfig } from '../../infra/stage-config.ts';

interface Violation {
  ruleName: string;
  description: string;
  violatingConstructs: { constructPath: string }[];
}

/**
 * One cloud-assembly folder per test file: CDK caches staged assets by folder, source and
 * bundling options, so every synth after the first in a file reuses the esbuild bundles.
 */
export const outdir = mkdtempSync(join(tmpdir(), 'rounds-cdk-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** For test files that read the template only (the bundles are checked in stack-api and nag tests). */
export const TEMPLATE_ONLY = { bundling: false };

/** Synthesized stages by stage name and overrides: each is built once per test file. */
const cache = new Map<string, Synthesized>();

export interface Synthesized {
  stack: RoundsStack;
  template: Template;
  /** Every cdk-nag finding nobody acknowledged: `<rule> at <construct path>: <description>`. */
  findings: string[];
}

/**
 * Synthesizes one stage offline exactly as `npm run synth` does (cdk.json's context and
 * feature flags, cdk-nag's AwsSolutions and HIPAA.Security packs as validation plugins) and
 * returns the template and every unacknowledged finding. The template is read even when the
 * validation fails, so a finding does not hide what the construct tests would say.
 */
export function synthStage(
  name: StageConfig['name'],
  overrides: Partial<StageConfig> = {},
  extend?: (stack: RoundsStack) => void,
  opts: { bundling?: boolean } = {},
): Synthesized {
  const bundling = opts.bundling ?? true;
  const key = `${name} ${JSON.stringify(overrides)} ${bundling}`;
  const cached = extend ? undefined : cache.get(key);
  if (cached) return cached;
  // Without bundling (files that read only the template), CDK skips esbuild: most of a synth's time.
  const context = bundling ? cdkJson.context : { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] };
  const app = new App({ outdir, context });
  const stack = new RoundsStack(app, `Rounds-${name}`, {
    stage: { ...STAGES[name], ...overrides },
    webDist: resolve('web/dist'),
  });
  extend?.(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
  let findings: string[] = [];
  try {
    app.synth();
  } catch (error) {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: Violation[] }[];
    };
    findings = report.pluginReports.flatMap((p) =>
      p.violations.flatMap((v) =>
        v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}: ${v.description}`),
      ),
    );
    if (!findings.length) throw error;
  }
  const template = Template.fromJSON(
    JSON.parse(readFileSync(join(outdir, stack.templateFile), 'utf8')) as Record<string, unknown>,
  );
  const result = { stack, template, findings };
  if (!extend) cache.set(key, result);
  return result;
}

/** Every IAM policy statement in the template, with the logical id of its policy or role. */
export function policyStatements(template: Template) {
  const out: { owner: string; roles: string[]; statement: Record<string, any> }[] = [];
  for (const [id, r] of Object.entries(template.findResources('AWS::IAM::Policy'))) {
    const roles = (r.Properties.Roles ?? []).map((x: { Ref: string }) => x.Ref);
    for (const statement of r.Properties.PolicyDocument.Statement) out.push({ owner: id, roles, statement });
  }
  for (const [id, r] of Object.entries(template.findResources('AWS::IAM::Role'))) {
    for (const p of r.Properties.Policies ?? []) {
      for (const statement of p.PolicyDocument.Statement) out.push({ owner: id, roles: [id], statement });
    }
  }
  return out;
}

/** Actions of a statement as a list. */
export const actionsOf = (s: Record<string, any>): string[] => [s.Action].flat();
