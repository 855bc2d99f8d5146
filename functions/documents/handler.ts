import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { lazyFileStore } from '../platform/files/port.ts';
import { lambdaHandler } from '../platform/http/lambda.ts';
import { createDocumentsApp } from './documents.routes.ts';

const config = loadConfig();
const bucket = config.filesBucket;

/**
 * Lambda entry for the Documents domain. It alone passes the S3 file store (FILES_BUCKET), so the
 * S3 SDK stays out of every other function's bundle; it loads on the first file request, not at init.
 */
export const handler = await lambdaHandler(createDocumentsApp, {
  files: bucket
    ? lazyFileStore(async () =>
        (await import('../platform/files/s3.ts')).s3FileStore({
          region: config.region,
          bucket,
          clock: systemClock,
        }),
      )
    : undefined,
});
