import type { Letterhead } from '../../../shared/pdf/branded-pdf.ts';
import type { Tenant } from '../../../shared/schemas/tenants.ts';
import { api } from './api.ts';

/** The practice's logo as bytes for the letterhead (it is kept as a data URL today). */
function logoOf(tenant: Tenant): Letterhead['logo'] {
  const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(tenant.branding.logoDataUrl ?? '');
  if (!m) return undefined;
  return { type: m[1] as 'png' | 'jpeg', bytes: Uint8Array.from(atob(m[2]!), (c) => c.charCodeAt(0)) };
}

/**
 * The practice letterhead every printed page wears (documents, later handouts and reports): its
 * name, address, phone, color and logo, loaded when something is printed.
 */
export async function loadLetterhead(): Promise<Letterhead> {
  const tenant = await api<Tenant>('/tenant');
  return {
    name: tenant.name,
    addressLines: tenant.website ? [tenant.website] : [],
    ...(tenant.phone ? { phone: tenant.phone } : {}),
    primaryColor: tenant.branding.primaryColor,
    logo: logoOf(tenant),
  };
}
