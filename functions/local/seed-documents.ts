import type { DocBlock } from '../../shared/documents/doc-blocks.ts';
import type { PracticeRole } from '../../shared/roles.ts';
import type { DocumentCreate, DocumentDetail, SignAudience } from '../../shared/schemas/documents.ts';
import { createDocument, saveDraft } from '../documents/documents.service.ts';
import { sign } from '../documents/signatures.service.ts';
import { publish, review, startNewVersion, submitForApproval } from '../documents/versions.service.ts';
import type { TenantScope } from '../platform/db/keys.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import type { Platform } from '../platform/platform.ts';

/** Someone on the demo team, as the seed acts for them. */
export interface SeedPerson {
  userId: string;
  name: string;
  role: PracticeRole;
}

const h = (level: 1 | 2 | 3, text: string): DocBlock => ({ kind: 'heading', level, text: [{ text }] });
const p = (text: string): DocBlock => ({ kind: 'paragraph', text: [{ text }] });
const list = (...items: string[]): DocBlock => ({
  kind: 'list',
  ordered: false,
  items: items.map((text) => [{ text }]),
});

const HANDBOOK_V1: DocBlock[] = [
  h(1, 'Welcome to Maple Street Family Medicine'),
  p('This handbook explains how we work together and what you can expect from the practice.'),
  h(2, 'Hours and attendance'),
  p('Clinics open at 8:00 AM. Arrive ten minutes early to prepare your station before the first patient.'),
  list(
    'Call the manager before 7:30 AM if you will be absent.',
    'Swap shifts only with the manager’s approval.',
  ),
  h(2, 'Paid time off'),
  p(
    'Full-time staff accrue 4 hours of paid time off per pay period. Request time off two weeks ahead in Rounds.',
  ),
  h(2, 'Patient privacy'),
  p('Never discuss a patient where others can hear. Lock your screen whenever you step away.'),
];

const HANDBOOK_V2: DocBlock[] = [
  ...HANDBOOK_V1.slice(0, 5),
  h(2, 'Paid time off'),
  p(
    'Full-time staff accrue 5 hours of paid time off per pay period. Request time off two weeks ahead in Rounds.',
  ),
  h(2, 'Working from home'),
  p('Billing staff may work from home up to two days a week on a practice laptop with the VPN on.'),
  ...HANDBOOK_V1.slice(7),
];

/**
 * The demo's documents: a handbook with two versions (everyone signed the first, most have signed
 * the second, two have not), published policies and forms, a policy waiting for the owner's
 * approval, and a draft. Each step runs through the same services the API calls, dated back.
 */
export async function seedDocuments(
  pf: Platform,
  scope: TenantScope,
  people: { owner: SeedPerson; manager: SeedPerson; team: SeedPerson[] },
): Promise<void> {
  const at = (person: SeedPerson, daysAgo: number) =>
    new TenantDb(pf.store, scope, person, 'seed', {
      now: () => new Date(pf.clock.now().getTime() - daysAgo * 86_400_000),
    });
  const { owner, manager, team } = people;
  const signers = team.filter((m) => m.role !== 'manager');
  const everyone: SignAudience = { roles: ['manager', 'staff', 'provider', 'billing'], userIds: [] };

  /** Writes, approves (by the owner) and publishes a version, then has `signedBy` sign it. */
  const approveAndPublish = async (doc: DocumentDetail, daysAgo: number, audience: SignAudience) => {
    const sent = await submitForApproval(at(manager, daysAgo + 2), doc.id, {
      approverIds: [owner.userId],
      version: doc.version,
    });
    const ok = await review(at(owner, daysAgo + 1), doc.id, { decision: 'approve', version: sent.version });
    return publish(at(manager, daysAgo), doc.id, { audience, version: ok.version });
  };
  const signAll = async (docId: string, n: number, who: SeedPerson[], daysAgo: number) => {
    for (const [i, person] of who.entries()) {
      await sign(
        at(person, daysAgo - i * 0.1),
        docId,
        n,
        { typedName: person.name },
        {
          ip: `192.168.10.${20 + i}`,
          userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0',
        },
      );
    }
  };
  const create = (input: DocumentCreate, daysAgo: number) => createDocument(at(manager, daysAgo), input);

  const handbook = await create(
    { title: 'Employee handbook', folder: 'handbook', tags: ['hr'], blocks: HANDBOOK_V1 },
    75,
  );
  const v1 = await approveAndPublish(handbook, 70, everyone);
  await signAll(handbook.id, 1, [manager, ...signers], 68);
  const next = await startNewVersion(at(manager, 14), handbook.id, v1.version);
  const draft = await saveDraft(at(manager, 14), pf.files, handbook.id, {
    blocks: HANDBOOK_V2,
    changeNote: 'Paid time off rises to 5 hours per pay period; billing may work from home two days a week',
    version: next.version,
  });
  await approveAndPublish(draft, 10, everyone);
  const notYet = new Set(['Luis Ortega', 'Dr. Marcus Chen']);
  await signAll(
    handbook.id,
    2,
    [manager, ...signers].filter((m) => !notYet.has(m.name)),
    9,
  );

  const hipaa = await create(
    {
      title: 'HIPAA privacy and security policy',
      folder: 'policies',
      tags: ['hipaa', 'compliance'],
      blocks: [
        h(1, 'Purpose'),
        p(
          'We protect the privacy of every patient’s health information as the HIPAA Privacy and Security Rules require.',
        ),
        h(2, 'Minimum necessary'),
        p(
          'Look up only the records you need for the task in front of you. Rounds logs every view of a patient record.',
        ),
        h(2, 'Reporting'),
        p('Report a suspected breach to the privacy officer (Maria Lopez) the same day.'),
      ],
    },
    40,
  );
  await approveAndPublish(hipaa, 35, { roles: ['staff', 'provider', 'billing'], userIds: [] });
  await signAll(hipaa.id, 1, signers.slice(0, signers.length - 3), 33);

  const bloodborne = await create(
    {
      title: 'Bloodborne pathogens exposure control plan',
      folder: 'policies',
      tags: ['osha'],
      blocks: [
        h(1, 'Exposure control plan'),
        p(
          'Staff who may touch blood or other potentially infectious materials follow this plan (OSHA 1910.1030).',
        ),
        list(
          'Use gloves for every blood draw.',
          'Discard sharps in the red container at once.',
          'Report a needlestick to the manager right away.',
        ),
      ],
    },
    30,
  );
  await approveAndPublish(bloodborne, 28, { roles: ['staff', 'provider'], userIds: [] });
  await signAll(
    bloodborne.id,
    1,
    signers.filter((m) => m.role === 'provider'),
    27,
  );

  const intake = await create(
    {
      title: 'New patient intake form',
      folder: 'forms',
      tags: ['front desk'],
      blocks: [
        h(1, 'New patient information'),
        p('Name, date of birth, address, phone, insurance and the reason for the visit.'),
      ],
    },
    20,
  );
  await approveAndPublish(intake, 19, { roles: [], userIds: [] });

  const wellness = await create(
    {
      title: 'Preparing for your annual wellness visit',
      folder: 'patient_education',
      tags: ['handout'],
      blocks: [
        h(1, 'Your annual wellness visit'),
        p(
          'Bring your medications (or a list), your insurance card and any questions you have for your provider.',
        ),
      ],
    },
    18,
  );
  await approveAndPublish(wellness, 17, { roles: [], userIds: [] });

  const workstation = await create(
    {
      title: 'Workstation security policy',
      folder: 'policies',
      tags: ['hipaa'],
      blocks: [
        h(1, 'Workstations'),
        p('Screens lock after five minutes without use. Never share your password.'),
      ],
    },
    3,
  );
  await submitForApproval(at(manager, 2), workstation.id, {
    approverIds: [owner.userId],
    message: 'Ready for your review before the HIPAA risk assessment',
    version: workstation.version,
  });
  await create(
    { title: 'Fax cover sheet', folder: 'forms', blocks: [p('Confidential: for the addressee only.')] },
    1,
  );
}
