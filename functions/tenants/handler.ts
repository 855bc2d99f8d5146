import { lambdaHandler } from '../platform/http/lambda.ts';
import { createTenantsApp } from './tenants.routes.ts';

/** Lambda entry for the tenants domain. */
export const handler = await lambdaHandler(createTenantsApp);
