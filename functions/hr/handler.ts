import { lambdaHandler } from '../platform/http/lambda.ts';
import { createHrApp } from './hr.routes.ts';

/** Lambda entry for HR. */
export const handler = await lambdaHandler(createHrApp);
