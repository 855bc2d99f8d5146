import { createDocumentClient } from '../../functions/platform/db/client.ts';

/** Counts commands and the items their answers hold. */
export function countingClient(endpoint: string) {
  const doc = createDocumentClient({ region: 'us-east-1', endpoint });
  const calls = new Map<string, number>();
  let items = 0;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? '?').replace('Command', '');
      calls.set(name, (calls.get(name) ?? 0) + 1);
      const out = await next(args);
      const o = out.output as { Count?: number; Item?: unknown; Responses?: Record<string, unknown[]> };
      items +=
        o.Count ?? (o.Item ? 1 : 0) + Object.values(o.Responses ?? {}).reduce((s, r) => s + r.length, 0);
      return out;
    },
    { step: 'initialize', name: 'benchCounter' },
  );
  return {
    doc,
    reset: () => {
      calls.clear();
      items = 0;
    },
    report: () => ({ calls: [...calls].map(([k, v]) => `${v} ${k}`).join(', '), items }),
  };
}
