/** The Rounds mark (decorative: the brand name is always written next to it). */
export function Logo(props: { size?: number }) {
  return (
    <svg
      class="logo"
      width={props.size ?? 28}
      height={props.size ?? 28}
      viewBox="0 0 32 32"
      aria-hidden="true"
    >
      <rect width="32" height="32" rx="8" fill="#3446c6" />
      <circle cx="16" cy="16" r="8" fill="none" stroke="#fff" stroke-width="3" />
      <circle cx="16" cy="16" r="2.5" fill="#fff" />
    </svg>
  );
}
