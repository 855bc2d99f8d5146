import type { JSX } from 'solid-js';

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

export function Badge(props: { tone?: Tone; children: JSX.Element }) {
  return <span class={`badge badge-${props.tone ?? 'neutral'}`}>{props.children}</span>;
}

const STATUS_TONES: Record<string, Tone> = {
  active: 'success',
  accepted: 'success',
  sent: 'success',
  pending: 'info',
  queued: 'info',
  sending: 'info',
  failed: 'danger',
  deactivated: 'neutral',
  archived: 'neutral',
  revoked: 'danger',
  expired: 'warning',
  used_up: 'warning',
};

/** A status word as a colored badge ("used_up" → "Used up"). */
export function StatusBadge(props: { status: string }) {
  const label = () => {
    const s = props.status.replace(/_/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  return <Badge tone={STATUS_TONES[props.status] ?? 'neutral'}>{label()}</Badge>;
}
