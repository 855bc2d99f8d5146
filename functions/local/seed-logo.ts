import { crc32, deflateSync } from 'node:zlib';
import { completeLogoUpload, startLogoUpload } from '../documents/logo.service.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { objectKeys } from '../platform/files/keys.ts';
import { LocalFileStore } from '../platform/files/local.ts';
import type { Platform } from '../platform/platform.ts';
import { getTenant, updateBranding } from '../tenants/settings.service.ts';

/**
 * The demo practice's logo: a white cross on a rounded square of the practice's green, drawn here
 * (a 128 px RGBA PNG, about 1 KB) so the repository carries no image file. It goes through the same
 * upload, content check and branding save as a logo a manager uploads.
 */
export async function seedLogo(p: Platform, db: TenantDb): Promise<void> {
  // The bytes are written straight into the local store, as the browser's signed upload would.
  if (!(p.files instanceof LocalFileStore)) return;
  const png = demoLogoPng();
  const started = await startLogoUpload(db, p.files, {
    name: 'maple-street-logo.png',
    size: png.length,
    type: 'image/png',
  });
  await p.files.store(objectKeys.file(db, started.id), png);
  await completeLogoUpload(db, p.files, started.id);
  const tenant = await getTenant(db);
  await updateBranding(db, {
    logoFileId: started.id,
    primaryColor: tenant.branding.primaryColor,
    accentColor: tenant.branding.accentColor,
    version: tenant.version,
  });
}

/** Draws the logo with 4×4 supersampling, so its edges are smooth. */
export function demoLogoPng(size = 128): Uint8Array {
  const [r, g, b] = [0x0b, 0x6e, 0x4f];
  const radius = size * 0.22;
  const inSquare = (x: number, y: number) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const arm = size * 0.13;
  const reach = size * 0.3;
  const mid = size / 2;
  const inCross = (x: number, y: number) =>
    (Math.abs(x - mid) <= arm && Math.abs(y - mid) <= reach) ||
    (Math.abs(y - mid) <= arm && Math.abs(x - mid) <= reach);
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let square = 0;
      let cross = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const px = x + (sx + 0.5) / 4;
          const py = y + (sy + 0.5) / 4;
          if (inSquare(px, py)) {
            square++;
            if (inCross(px, py)) cross++;
          }
        }
      }
      const white = square ? cross / square : 0;
      const o = 1 + x * 4;
      row[o] = Math.round(r + (255 - r) * white);
      row[o + 1] = Math.round(g + (255 - g) * white);
      row[o + 2] = Math.round(b + (255 - b) * white);
      row[o + 3] = Math.round((square / 16) * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}
