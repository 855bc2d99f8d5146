/** Common US time zones first; the browser's own zone is added when it is not one of them. */
const US_ZONES: { value: string; label: string }[] = [
  { value: 'America/New_York', label: 'Eastern (New York)' },
  { value: 'America/Chicago', label: 'Central (Chicago)' },
  { value: 'America/Denver', label: 'Mountain (Denver)' },
  { value: 'America/Phoenix', label: 'Mountain, no DST (Phoenix)' },
  { value: 'America/Los_Angeles', label: 'Pacific (Los Angeles)' },
  { value: 'America/Anchorage', label: 'Alaska (Anchorage)' },
  { value: 'Pacific/Honolulu', label: 'Hawaii (Honolulu)' },
  { value: 'America/Puerto_Rico', label: 'Atlantic (Puerto Rico)' },
];

export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

function isValidZone(tz: string): boolean {
  try {
    return tz === 'UTC' || Intl.supportedValuesOf('timeZone').includes(tz);
  } catch {
    return false;
  }
}

/** Options for a time-zone select; `current` (a saved value) is always included. */
export function timeZoneOptions(current?: string): { value: string; label: string }[] {
  const options = [...US_ZONES];
  const browser = browserTimeZone();
  if (browser && isValidZone(browser) && !options.some((o) => o.value === browser)) {
    options.push({ value: browser, label: `${browser} (this device)` });
  }
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
  return options;
}

/** The default choice: the browser's own zone when it is valid, else Eastern. */
export function defaultTimeZone(): string {
  const browser = browserTimeZone();
  return browser && isValidZone(browser) ? browser : 'America/New_York';
}
