import { html, raw } from 'hono/html';

interface Doc {
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<string, { summary?: string; tags?: string[]; 'x-roles'?: string[]; security?: unknown[] }>
  >;
}

/** A self-contained, readable API reference (no CDN: it works offline and under a strict CSP). */
export function docsPage(doc: Doc) {
  const rows = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const tags = [...new Set(rows.map((r) => r.op.tags?.[0] ?? 'other'))];
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f7f8fa}
main{max-width:960px;margin:0 auto;padding:24px}
h1{margin:0 0 4px}h2{margin-top:32px;text-transform:capitalize}
.op{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:10px 14px;margin:8px 0;display:flex;gap:12px;flex-wrap:wrap;align-items:baseline}
.m{font:600 12px ui-monospace,monospace;padding:2px 8px;border-radius:4px;background:#e7eef8;color:#0b3d91;min-width:56px;text-align:center}
code{font:14px ui-monospace,monospace}.roles{color:#555;font-size:13px;margin-left:auto}
</style></head>
<body><main><h1>${doc.info.title}</h1>
<p>Version ${doc.info.version}. Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
Send <code>Authorization: Bearer &lt;accessToken&gt;</code> from <code>POST /api/auth/login</code>.</p>
${raw(
  tags
    .map(
      (tag) =>
        `<h2>${tag}</h2>${rows
          .filter((r) => (r.op.tags?.[0] ?? 'other') === tag)
          .map(
            (r) =>
              `<div class="op"><span class="m">${r.method}</span><code>${r.path}</code><span>${escapeHtml(r.op.summary ?? '')}</span><span class="roles">${r.op['x-roles'] ? `roles: ${r.op['x-roles'].join(', ')}` : 'public'}</span></div>`,
          )
          .join('')}`,
    )
    .join(''),
)}
</main></body></html>`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
