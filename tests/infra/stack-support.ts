import type { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { policyStatements } from './synth.ts';

// Lookups over a synthesized template, shared by the stack-*.test.ts files.

export type Resource = { Type: string; Properties: Record<string, any>; [key: string]: any };

export const functionsBy = (t: Template, service: string): Resource[] =>
  Object.values(
    t.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { SERVICE_NAME: service } } },
    }),
  ) as Resource[];

export const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0]!;
};

export const logicalIdOf = (t: Template, type: string) => only(Object.keys(t.findResources(type)));

/** Statements of the policies attached to the role of the function with this SERVICE_NAME. */
export const statementsOf = (t: Template, service: string) => {
  const role = only(functionsBy(t, service)).Properties.Role['Fn::GetAtt'][0] as string;
  return policyStatements(t)
    .filter((s) => s.roles.includes(role))
    .map((s) => s.statement);
};
