import type { Key, TenantScope } from './keys.ts';

/**
 * Key builders for staff meetings and hiring, spread into `tenantKeys` (keys.ts).
 * Meetings: one partition per practice; a meeting's item and its children (topics, action items)
 * share the prefix `MEET#<id>`, so a meeting's page is one Query; GSI1 orders meetings by day and
 * time (upcoming and past are ranged Queries), GSI2 holds every action item by meeting day (the
 * carry-over reads them in one Query).
 * Hiring: one partition per practice; openings by id, a candidate and its notes and scorecards
 * share the prefix `CAND#<id>`; GSI1 groups an opening's candidates.
 */
export const hrMeetingsKeys = {
  meetingPartition: (s: TenantScope) => `T#${s.tenantId}#HR#MEET`,
  meeting: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#HR#MEET`, SK: `MEET#${id}` }),
  /** The meeting and its children. */
  meetingPrefix: (id: string) => `MEET#${id}`,
  meetingIndexes: (s: TenantScope, date: string, time: string, id: string) => ({
    GSI1PK: `T#${s.tenantId}#HR#MEETINGS`,
    GSI1SK: `${date}T${time}#${id}`,
  }),
  meetingsByTime: (s: TenantScope) => `T#${s.tenantId}#HR#MEETINGS`,
  /** GSI1 sort-key range of meetings from `from` (inclusive) to `to` (exclusive), as `YYYY-MM-DDTHH:MM`. */
  meetingRange: (from = '0000', to = '9999'): [string, string] => [`${from}`, `${to}`],
  agendaTopic: (s: TenantScope, meetingId: string, id: string): Key => ({
    PK: `T#${s.tenantId}#HR#MEET`,
    SK: `MEET#${meetingId}#TOPIC#${id}`,
  }),
  actionItem: (s: TenantScope, meetingId: string, id: string): Key => ({
    PK: `T#${s.tenantId}#HR#MEET`,
    SK: `MEET#${meetingId}#ACTION#${id}`,
  }),
  actionIndexes: (s: TenantScope, meetingDate: string, id: string) => ({
    GSI2PK: `T#${s.tenantId}#HR#MEETACTIONS`,
    GSI2SK: `${meetingDate}#${id}`,
  }),
  actionsByMeetingDate: (s: TenantScope) => `T#${s.tenantId}#HR#MEETACTIONS`,

  hiringPartition: (s: TenantScope) => `T#${s.tenantId}#HR#HIRE`,
  opening: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#HR#HIRE`, SK: `OPENING#${id}` }),
  openingPrefix: 'OPENING#',
  candidate: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#HR#HIRE`, SK: `CAND#${id}` }),
  /** The candidate and its notes and scorecards. */
  candidatePrefix: (id: string) => `CAND#${id}`,
  candidateIndexes: (s: TenantScope, openingId: string, id: string) => ({
    GSI1PK: `T#${s.tenantId}#HR#HIRE#OPENING#${openingId}`,
    GSI1SK: `CAND#${id}`,
  }),
  candidatesOfOpening: (s: TenantScope, openingId: string) => `T#${s.tenantId}#HR#HIRE#OPENING#${openingId}`,
  candidateNote: (s: TenantScope, candidateId: string, id: string): Key => ({
    PK: `T#${s.tenantId}#HR#HIRE`,
    SK: `CAND#${candidateId}#NOTE#${id}`,
  }),
  scorecard: (s: TenantScope, candidateId: string, interviewerUserId: string): Key => ({
    PK: `T#${s.tenantId}#HR#HIRE`,
    SK: `CAND#${candidateId}#CARD#${interviewerUserId}`,
  }),
};
