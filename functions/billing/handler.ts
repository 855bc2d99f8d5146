import { lambdaHandler } from '../platform/http/lambda.ts';
import { createBillingApp } from './billing.routes.ts';

/** Lambda entry for billing oversight. */
export const handler = await lambdaHandler(createBillingApp);
