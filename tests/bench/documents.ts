import type { LocalServer } from '../../functions/local/server.ts';
import { evidenceFiles } from '../../shared/documents/evidence-bundle.ts';
import { renderBrandedPdf } from '../../shared/pdf/branded-pdf.ts';
import type { Evidence } from '../../shared/schemas/documents.ts';
import { zipFiles } from '../../shared/zip/zip-writer.ts';

const RUNS = 5;
const PASSWORD = 'Rounds-demo-2026!';
/** The demo's staff who have the demo password (functions/local/seed.ts). */
const SIGNERS = [
  'frontdesk@maplestreet.example',
  'lortega@maplestreet.example',
  'hprice@maplestreet.example',
  'dcarter@maplestreet.example',
  'rdiaz@maplestreet.example',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (v: number) => `${v.toFixed(0)} ms`;

/**
 * `npm run bench -- documents`, on the demo practice through the local host's API: a version's way
 * from draft to published with everyone asked (the publish write raises one Today item per person),
 * a signature, the signature sheet, and the auditor's evidence zip of the demo handbook built the
 * way the browser builds it (render every version's PDF with its sheet, then zip).
 */
export async function benchDocuments(server: LocalServer): Promise<void> {
  console.log(`\n== Documents: the demo practice, median of ${RUNS} ==`);
  const token = async (email: string) => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const call = async (t: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${t}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const out = await f();
    return [out, performance.now() - t0];
  };
  const manager = await token('manager@maplestreet.example');
  const owner = await token('owner@maplestreet.example');
  const me = await call(owner, 'GET', '/me');
  const ownerId = me.user.id as string;
  const signers = await Promise.all(SIGNERS.map(token));

  const publish: number[] = [];
  const sign: number[] = [];
  const sheet: number[] = [];
  let asked = 0;
  for (let i = 0; i < RUNS; i++) {
    const para = { kind: 'paragraph', text: [{ text: `Bench policy ${i}: lock the screen.` }] };
    let doc = await call(manager, 'POST', '/documents', {
      title: `Bench policy ${i}`,
      folder: 'policies',
      blocks: [para],
    });
    doc = await call(manager, 'POST', `/documents/${doc.id}/submit`, {
      approverIds: [ownerId],
      version: doc.version,
    });
    doc = await call(owner, 'POST', `/documents/${doc.id}/review`, {
      decision: 'approve',
      version: doc.version,
    });
    const everyone = { roles: ['manager', 'staff', 'provider', 'billing'], userIds: [] };
    const [published, took] = await timed(() =>
      call(manager, 'POST', `/documents/${doc.id}/publish`, { audience: everyone, version: doc.version }),
    );
    publish.push(took);
    sign.push(
      (
        await timed(() =>
          call(signers[i % signers.length]!, 'POST', `/documents/${doc.id}/versions/1/signatures`, {
            typedName: 'Bench Signer',
          }),
        )
      )[1],
    );
    const [s, sheetTook] = await timed(() =>
      call(manager, 'GET', `/documents/${published.id}/versions/1/signatures`),
    );
    sheet.push(sheetTook);
    asked = s.signed.length + s.missing.length;
  }
  console.log(`publish, asking ${asked} people     ${ms(median(publish))}`);
  console.log(`sign                          ${ms(median(sign))}`);
  console.log(`signature sheet               ${ms(median(sheet))}`);

  const [handbook] = (await call(manager, 'GET', '/documents?q=employee%20handbook')).items;
  const [evidence, fetchTook] = await timed(
    () => call(manager, 'GET', `/documents/${handbook.id}/evidence`) as Promise<Evidence>,
  );
  const letterhead = {
    name: 'Maple Street Family Medicine',
    addressLines: ['412 Maple Street', 'Columbus, OH 43215'],
    primaryColor: '#0b6e4f',
  };
  const builds: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const [zip, took] = await timed(async () =>
      zipFiles(await evidenceFiles(evidence, letterhead, renderBrandedPdf, 'America/New_York')),
    );
    builds.push(took);
    size = zip.length;
  }
  const signatures = evidence.versions.reduce((n, v) => n + v.sheet.signed.length, 0);
  console.log(
    `evidence of the handbook (${evidence.versions.length} versions, ${signatures} signatures): API ${ms(fetchTook)}, render + zip ${ms(median(builds))}, ${(size / 1024).toFixed(0)} KB`,
  );
}
