import type { Letterhead } from '../../../shared/pdf/branded-pdf.ts';
import type { Page } from '../../../shared/schemas/common.ts';
import type { Address, Location, Tenant } from '../../../shared/schemas/tenants.ts';
import { api } from './api.ts';

/** The logo's bytes from its address (same origin); a logo that cannot be loaded leaves it off the page. */
async function logoOf(tenant: Tenant): Promise<Letterhead['logo']> {
  const url = tenant.branding.logoUrl;
  if (!url) return undefined;
  try {
    const res = await fetch(url);
    if (!res.ok) return undefined;
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
      return { bytes, type: 'png' };
    if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { bytes, type: 'jpeg' };
    return undefined;
  } catch {
    return undefined;
  }
}

/** An address as the lines of an envelope: "412 Maple Street", "Suite 2", "Columbus, OH 43215". */
const addressLines = (a: Address) => [
  a.line1,
  ...(a.line2 ? [a.line2] : []),
  `${a.city}, ${a.state} ${a.postalCode}`,
];

/** The practice's first location (an association has none, and reads none). */
async function firstLocation(tenant: Tenant): Promise<Location | undefined> {
  if (tenant.kind !== 'practice') return undefined;
  const page = await api<Page<Location>>('/locations', { query: { limit: 1 } });
  return page.items[0];
}

/**
 * The practice letterhead every printed page wears (documents, later handouts and reports): its
 * name, its first location's address (else its website), its phone (else that location's), color
 * and logo, loaded when something is printed.
 */
export async function loadLetterhead(): Promise<Letterhead> {
  const tenant = await api<Tenant>('/tenant');
  const [location, logo] = await Promise.all([firstLocation(tenant), logoOf(tenant)]);
  const phone = tenant.phone ?? location?.phone;
  return {
    name: tenant.name,
    addressLines: location ? addressLines(location.address) : tenant.website ? [tenant.website] : [],
    ...(phone ? { phone } : {}),
    primaryColor: tenant.branding.primaryColor,
    logo,
  };
}
