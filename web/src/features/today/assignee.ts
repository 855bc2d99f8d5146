import type { Assignee, TodayAssignees } from '../../../../shared/schemas/today.ts';

/** A select's value for an assignee: "user:<id>" or "role:<role>". */
export function toAssigneeValue(a: Assignee): string {
  return 'userId' in a ? `user:${a.userId}` : `role:${a.role}`;
}

export function fromAssigneeValue(value: string): Assignee {
  const [kind, id] = value.split(':') as [string, string];
  return kind === 'user' ? { userId: id } : ({ role: id } as Assignee);
}

/** Roles first (whoever gets to it), then people by name. */
export function assigneeOptions(a: TodayAssignees | undefined) {
  if (!a) return [];
  return [
    ...a.roles.map((r) => ({ value: `role:${r.role}`, label: `Anyone: ${r.label}` })),
    ...a.people.map((p) => ({ value: `user:${p.userId}`, label: p.name })),
  ];
}
