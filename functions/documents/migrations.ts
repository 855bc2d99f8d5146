import type { Migration } from '../platform/migrations/migration.ts';
import { signedOp, subjectOp } from '../platform/sign-offs/sign-off-asks.ts';
import { documentLink } from './document-views.ts';

/**
 * Backfills for the sign-off items documents now keep (issue 13): documents published before are
 * offered as sign-off subjects, and signatures given before are recorded as signed, so HR's
 * onboarding finds the handbook and sees who already signed it. A person who signed several
 * versions ends with whichever record the run wrote last; a later signature writes the newest.
 */
export const documentsMigrations: Migration[] = [
  {
    id: 'documents/sign-off-subjects',
    description: 'Offer every published document as a sign-off subject (HR’s handbook task finds it)',
    reads: ['document'],
    plan: (item, scope) =>
      typeof item.publishedVersion === 'number'
        ? [
            subjectOp(
              scope,
              {
                source: 'documents',
                ref: String(item.id),
                title: String(item.title),
                link: documentLink(String(item.id)),
                category: String(item.folder),
                round: item.publishedVersion,
              },
              new Date(String(item.publishedAt ?? item.updatedAt)),
            ),
          ]
        : [],
  },
  {
    id: 'documents/sign-off-signed',
    description: 'Record every signature given so far as signed (HR’s handbook task reads it)',
    reads: ['document_signature'],
    plan: (item, scope) => [
      signedOp(scope, {
        source: 'documents',
        ref: String(item.documentId),
        userId: String(item.userId),
        round: Number(item.versionNumber),
        signedAt: String(item.signedAt),
      }),
    ],
  },
];
