import type { Config } from './config.ts';

/** Where people open the app: links in mail and texts start here (the local host when unset). */
export const publicUrl = (p: { config: Pick<Config, 'publicUrl' | 'port'> }) =>
  p.config.publicUrl ?? `http://localhost:${p.config.port || 3000}`;
