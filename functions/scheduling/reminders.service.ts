/**
 * Appointment reminders. Cross-domain reads: `getTenant` and `getLocation` from
 * tenants/settings.service.ts (the practice's name, locale and branding for the mail and the
 * link page; the location's zone, address and phone).
 *
 * Everything a patient reads is the practice's, not Rounds': its name signs the mail and the
 * text, and the date is written out in its locale and the location's zone (`patientDateTime`).
 */
import { createHash } from 'node:crypto';
import { patientDateTime, tenantLocale } from '../../shared/locale.ts';
import type { Address, Location, Tenant } from '../../shared/schemas/tenants.ts';
import { systemDb } from '../platform/db/system-db.ts';
import { ContentionError, conflict, notFound } from '../platform/errors.ts';
import { newToken } from '../platform/ids.ts';
import { e164, queueMail } from '../platform/mail/outbox.ts';
import type { Platform } from '../platform/platform.ts';
import { publicUrl } from '../platform/public-url.ts';
import { getLocation, getTenant } from '../tenants/settings.service.ts';
import { cancel, requireAppointment, setStatus } from './booking.service.ts';
import { patientRepo } from './patients.repo.ts';
import { auditPatient, requirePatient } from './patients.service.ts';
import { getReminderSettings } from './reminder-settings.service.ts';
import { type ReminderQueueItem, reminderRepo } from './reminders.repo.ts';
import { providerRepo } from './setup.repo.ts';

/**
 * The reminder job: sends what is due (a bounded page per run). A reminder whose visit was
 * cancelled or moved, or whose patient opted out or has no email, is dropped without a mail.
 */
export async function sendDueReminders(p: Platform, limit = 100): Promise<Record<string, number>> {
  const counts = { sent: 0, skipped: 0 };
  const now = p.clock.now();
  const due = await reminderRepo.due(p.store, now.getTime(), limit);
  for (const item of due.items) {
    const sent = await sendOne(p, item, now);
    counts[sent ? 'sent' : 'skipped']++;
  }
  return counts;
}

async function sendOne(p: Platform, item: ReminderQueueItem, now: Date): Promise<boolean> {
  const db = jobDb(p, item.tenantId, 'reminders');
  const appt = await requireAppointment(db, item.appointmentId).catch(() => undefined);
  const patient = appt ? await requirePatient(db, appt.patientId).catch(() => undefined) : undefined;
  const live = appt && ['scheduled', 'confirmed'].includes(appt.status) && appt.start === item.start;
  const to = patient ? addressOf(patient) : undefined;
  // Turning reminders off also stops those queued by earlier bookings.
  const enabled = live ? (await getReminderSettings(db)).enabled : false;
  if (!appt || !live || !enabled || !patient || !to || patient.remindersOptOut) {
    await p.store.transact([reminderRepo.dequeueOp(item)]);
    return false;
  }
  const [tenant, location, provider] = await Promise.all([
    getTenant(db),
    getLocation(db, appt.locationId),
    providerRepo.get(db, appt.providerId),
  ]);
  const token = newToken(32);
  const link = `${publicUrl(p)}/r/${token}`;
  const when = visitTime(tenant, location, appt);
  const who = provider?.name ?? 'your provider';
  const subject = `Reminder: your visit at ${tenant.name} on ${when}`;
  const mail = queueMail(
    db,
    {
      ...to,
      kind: 'appointment.reminder',
      subject,
      text:
        to.channel === 'sms'
          ? `${tenant.name}: reminder of your visit with ${who} on ${when}. Confirm or cancel: ${link}`
          : [
              `Hello ${patient.firstName},`,
              '',
              `This is a reminder from ${tenant.name} of your ${appt.typeName.toLowerCase()} with ${who}:`,
              '',
              when,
              location.name,
              ...addressLines(location.address),
              '',
              `Confirm or cancel (no sign-in needed): ${link}`,
              '',
              `Questions? Call ${location.phone}.`,
              tenant.name,
              '',
              'To stop these reminders, use the link above.',
            ].join('\n'),
    },
    now,
  );
  try {
    await p.store.transact([
      mail.op,
      reminderRepo.linkOp(hashOf(token), {
        tenantId: item.tenantId,
        appointmentId: appt.id,
        expiresAt: Math.floor(Date.parse(appt.end) / 1000) + 24 * 3600,
      }),
      reminderRepo.dequeueOp(item, true),
    ]);
  } catch (err) {
    // Two overlapping runs: whoever removed the queue item sends; the other stands down.
    if (err instanceof ContentionError) return false;
    throw err;
  }
  await p.jobs.mailQueued({ tenantId: item.tenantId, messageId: mail.message.id });
  return true;
}

/** Where a patient's reminder goes: a text if they prefer texts and have a usable number, else email. */
function addressOf(p: { preferredContact: string; phone?: string; email?: string }) {
  const phone = p.phone ? e164(p.phone) : undefined;
  if (p.preferredContact === 'none') return undefined;
  if (p.preferredContact === 'sms' && phone) return { to: phone, channel: 'sms' as const };
  return p.email ? { to: p.email, channel: 'email' as const } : undefined;
}

/** What a reminder link shows the patient (no sign-in; the token is the key). */
export async function viewReminderLink(p: Platform, token: string) {
  const { db, appt } = await openLink(p, token);
  const [tenant, location, provider] = await Promise.all([
    getTenant(db),
    getLocation(db, appt.locationId),
    providerRepo.get(db, appt.providerId),
  ]);
  return {
    practiceName: tenant.name,
    providerName: provider?.name ?? '',
    locationName: location.name,
    date: appt.date,
    time: appt.time,
    status: appt.status,
    timeZone: location.timeZone,
    locale: tenantLocale(tenant),
    branding: tenant.branding,
    locationAddress: location.address,
    locationPhone: location.phone,
  };
}

/** "Wednesday, February 10, 2027 at 10:00 AM (Eastern Time)": the visit as its patient reads it. */
const visitTime = (tenant: Tenant, location: Location, appt: { date: string; time: string }) =>
  patientDateTime(appt.date, appt.time, location.timeZone, tenantLocale(tenant));

/** An address as the lines of an envelope: "1 Main St", "Suite 2", "Springfield, NY 10001". */
const addressLines = (a: Address) => [
  a.line1,
  ...(a.line2 ? [a.line2] : []),
  `${a.city}, ${a.state} ${a.postalCode}`,
];

/** Confirms, cancels (by the patient) or stops reminders, from the link. */
export async function actOnReminderLink(
  p: Platform,
  token: string,
  action: 'confirm' | 'cancel' | 'opt_out',
) {
  const { db, appt } = await openLink(p, token);
  if (action === 'opt_out') {
    const patient = await requirePatient(db, appt.patientId);
    await db.write(patientRepo.updateOps(db, patient, { remindersOptOut: true }, patient.version), {
      action: 'patient.reminders_opted_out',
      entityType: 'patient',
      entityId: patient.id,
      patient: auditPatient(patient),
      summary: 'Patient stopped appointment reminders',
    });
  } else if (!['scheduled', 'confirmed'].includes(appt.status)) {
    throw conflict(`This visit is already ${appt.status.replace('_', ' ')}`);
  } else if (action === 'confirm' && appt.status === 'scheduled') {
    await setStatus(db, appt.id, { status: 'confirmed', version: appt.version });
  } else if (action === 'cancel') {
    await cancel(db, appt.id, {
      by: 'patient',
      reason: 'Cancelled from reminder link',
      version: appt.version,
    });
  }
  return viewReminderLink(p, token);
}

async function openLink(p: Platform, token: string) {
  const link = await reminderRepo.link(p.store, hashOf(token));
  if (!link || link.expiresAt * 1000 < p.clock.now().getTime()) throw notFound('Reminder link');
  const db = jobDb(p, link.tenantId, 'reminder-link');
  return { db, appt: await requireAppointment(db, link.appointmentId) };
}

const ACTORS = {
  reminders: { id: 'reminders', name: 'Reminder job' },
  'reminder-link': { id: 'reminder-link', name: 'Patient (reminder link)' },
};
const jobDb = (p: Platform, tenantId: string, who: keyof typeof ACTORS) => systemDb(p, tenantId, ACTORS[who]);

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
