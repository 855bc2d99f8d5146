import { loadConfig } from '../config.ts';
import { createDocumentClient } from '../db/client.ts';
import { Store } from '../db/store.ts';
import { tableClaimsSource } from './claims.ts';
import { preTokenGeneration } from './pre-token.ts';

const config = loadConfig();
// Reads claims by key only: no list is made, so no cursor secret is needed.
const store = new Store(
  createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint }),
  config.tableName,
  'unused',
);

/** Lambda entry for Cognito's pre-token-generation trigger (V2 event). */
export const handler = preTokenGeneration(tableClaimsSource(store));
