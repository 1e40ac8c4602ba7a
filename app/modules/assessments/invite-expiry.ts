/**
 * Invite links and the assessment's due date. Decision (issue 15): a link that would expire
 * before the vendor's due date is not extended silently (a link's lifetime is a security setting
 * the assessor chose) but flagged: the assessor sees a warning on the link and a one-click
 * "extend to the due date". The link is valid through the whole due day (UTC).
 */
const DAY_MS = 86_400_000;

/** The first instant after the due day: a link valid until then covers the whole due date. */
export function endOfDueDay(dueDate: Date): Date {
  const start = Date.UTC(dueDate.getUTCFullYear(), dueDate.getUTCMonth(), dueDate.getUTCDate());
  return new Date(start + DAY_MS);
}

/** Whether an active link stops working before the end of the due day. */
export function expiresBeforeDue(
  link: { expiresAt: Date; status: string },
  dueDate: Date | null,
): boolean {
  if (!dueDate || (link.status !== "active" && link.status !== "rotated")) return false;
  return link.expiresAt.getTime() < endOfDueDay(dueDate).getTime();
}
