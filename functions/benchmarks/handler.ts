import { lambdaHandler } from '../platform/http/lambda.ts';
import { createBenchmarksApp } from './benchmarks.routes.ts';

/** Lambda entry for association benchmarks. */
export const handler = await lambdaHandler(createBenchmarksApp);
