// Whether a provision applies on a day, from the windows of the version in force that day. Pure.

export interface WindowFact {
  appliesFrom: string;
  appliesUntil: string | null;
  condition: string | null;
  scope: string | null;
  sourceUrl: string;
  confirmed: boolean;
  note: string | null;
}

/**
 * applies: an unconditional window covers the day; conditional: only windows with a condition
 * (whom it covers) do; not_yet: every window starts later; no_longer: every window has ended;
 * not_in_force: no version of the instrument binds that day, or that version lacks the provision.
 */
export type ApplicabilityStatus =
  "applies" | "conditional" | "not_yet" | "no_longer" | "not_in_force";

export function covers(window: WindowFact, day: string): boolean {
  return window.appliesFrom <= day && (window.appliesUntil === null || day <= window.appliesUntil);
}

/**
 * The provision's own windows decide; without any, the version's windows (general application
 * date); without those, it applies from the version's entry into force.
 */
export function applicabilityFromWindows(
  provisionWindows: readonly WindowFact[],
  versionWindows: readonly WindowFact[],
  day: string,
): { status: Exclude<ApplicabilityStatus, "not_in_force">; windows: WindowFact[] } {
  const windows = provisionWindows.length > 0 ? provisionWindows : versionWindows;
  if (windows.length === 0) return { status: "applies", windows: [] };
  const covering = windows.filter((window) => covers(window, day));
  if (covering.some((window) => window.condition === null))
    return { status: "applies", windows: covering };
  if (covering.length > 0) return { status: "conditional", windows: covering };
  const later = windows.some((window) => window.appliesFrom > day);
  return { status: later ? "not_yet" : "no_longer", windows: [] };
}
