import type { LocalServer } from '../../functions/local/server.ts';

const SIZE = 5 * 1024 * 1024;
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * A 5 MB PDF's round trip on the local host over HTTP, as the browser makes it: start the upload
 * (API), post the bytes to the signed form (local host, not /api), check it (API reads the first
 * bytes), get the download link (API) and download the bytes (local host).
 */
export async function benchFiles(server: LocalServer): Promise<void> {
  console.log(
    `\n== Files: a ${SIZE / 1024 / 1024} MB upload round trip on the local host (median of ${RUNS}) ==`,
  );
  // A practice of its own: the demo's files stay as they are.
  const email = `bench-files-${Date.now().toString(36)}@example.test`;
  const password = 'Bench-Files-Harbor-2026';
  const post = (path: string, json: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
  const signup = await post('/api/signup', {
    kind: 'practice',
    practice: {
      name: 'Bench Files Practice',
      specialty: 'family_medicine',
      region: 'pacific',
      size: 'small',
      timeZone: 'America/Los_Angeles',
    },
    owner: { name: 'Bea Bench', email, password },
  });
  if (signup.status !== 201) throw new Error(`sign-up answered ${signup.status}`);
  const login = await (await post('/api/auth/login', { email, password })).json();
  const auth = { authorization: `Bearer ${login.accessToken}` };
  const me = await (await fetch(`${server.url}/api/me`, { headers: auth })).json();
  const bytes = new Uint8Array(SIZE);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  const steps: Record<'start' | 'upload' | 'check' | 'link' | 'download' | 'total', number[]> = {
    start: [],
    upload: [],
    check: [],
    link: [],
    download: [],
    total: [],
  };
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const started = await (
      await fetch(`${server.url}/api/files`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `bench-${i}.pdf`, size: SIZE, type: 'application/pdf' }),
      })
    ).json();
    const t1 = performance.now();
    const form = new FormData();
    for (const [k, v] of Object.entries(started.upload.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), `bench-${i}.pdf`);
    const put = await fetch(`${server.url}${started.upload.url}`, { method: 'POST', body: form });
    if (put.status !== 204) throw new Error(`upload answered ${put.status}`);
    const t2 = performance.now();
    const done = await fetch(`${server.url}/api/files/${started.id}/complete`, {
      method: 'POST',
      headers: auth,
    });
    if (done.status !== 200) throw new Error(`complete answered ${done.status}`);
    const t3 = performance.now();
    const detail = await (await fetch(`${server.url}/api/files/${started.id}`, { headers: auth })).json();
    const t4 = performance.now();
    const got = await (await fetch(`${server.url}${detail.download.url}`)).arrayBuffer();
    if (got.byteLength !== SIZE) throw new Error(`downloaded ${got.byteLength} bytes`);
    const t5 = performance.now();
    steps.start.push(t1 - t0);
    steps.upload.push(t2 - t1);
    steps.check.push(t3 - t2);
    steps.link.push(t4 - t3);
    steps.download.push(t5 - t4);
    steps.total.push(t5 - t0);
    await server.platform.files.delete({ scope: { tenantId: me.tenant.id }, fileId: started.id });
  }
  const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
  console.log(`start upload (API)        ${fmt(median(steps.start))}`);
  console.log(`post 5 MB to signed form  ${fmt(median(steps.upload))}`);
  console.log(`check content (API)       ${fmt(median(steps.check))}`);
  console.log(`download link (API)       ${fmt(median(steps.link))}`);
  console.log(`download 5 MB             ${fmt(median(steps.download))}`);
  console.log(`round trip                ${fmt(median(steps.total))}`);
}
