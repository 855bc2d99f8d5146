import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { RoundsStack } from '../../infra/rounds-stack.ts';
import { STAGES, type StageConfig } from '../../infra/stage-config.ts';

interface Violation {
  ruleName: string;
  violatingConstructs: { constructPath: string }[];
}

/**
 * Synthesizes one stage offline, as `npm run synth` does (cdk-nag's AwsSolutions and
 * HIPAA.Security packs as validation plugins), and returns the template and every finding
 * that was not acknowledged.
 */
export function synthStage(
  name: StageConfig['name'],
  stage: Partial<StageConfig> = {},
  extend?: (stack: RoundsStack) => void,
) {
  const outdir = mkdtempSync(join(tmpdir(), 'rounds-cdk-'));
  const app = new App({ outdir, context: { 'cli-telemetry': false } });
  const stack = new RoundsStack(app, `Rounds-${name}`, {
    stage: { ...STAGES[name], ...stage },
    webDist: resolve('web/dist'),
  });
  extend?.(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
  let findings: string[] = [];
  try {
    app.synth();
  } catch {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: Violation[] }[];
    };
    findings = report.pluginReports.flatMap((p) =>
      p.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}`)),
    );
  }
  const template = findings.length ? undefined : Template.fromStack(stack);
  rmSync(outdir, { recursive: true, force: true });
  return { stack, template: template as Template, findings };
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
