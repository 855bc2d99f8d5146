import { lambdaHandler } from '../platform/http/lambda.ts';
import { createSchedulingApp } from './scheduling.routes.ts';

/** Lambda entry for the scheduling domain. */
export const handler = await lambdaHandler(createSchedulingApp);
