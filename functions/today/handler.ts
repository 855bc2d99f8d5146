import { lambdaHandler } from '../platform/http/lambda.ts';
import { createTodayApp } from './today.routes.ts';

/** Lambda entry for the Today domain. */
export const handler = await lambdaHandler(createTodayApp);
