import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { RoundsStack } from './rounds-stack.ts';
import { stageFrom } from './stage-config.ts';

/** CDK entry: `npm run synth|deploy -- -c stage=dev|prod` (default dev). */
const app = new App();
const stage = stageFrom(app.node.tryGetContext('stage'));
const stack = new RoundsStack(app, `Rounds-${stage.name}`, {
  stage,
  env: stage.env,
  description: `Rounds ${stage.name}: multi-tenant practice management`,
});
Tags.of(stack).add('app', 'rounds');
Tags.of(stack).add('stage', stage.name);
Tags.of(stack).add('data-classification', 'phi');
// Synth (and so deploy) fails on any finding not acknowledged in nag-acknowledgements.ts.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
