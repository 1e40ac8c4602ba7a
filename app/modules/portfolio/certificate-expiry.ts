/**
 * "Certificates expiring": vendors whose earliest certificate validity (Vendor.certificateExpiry,
 * the earliest "valid until" of their latest assessment's evidence answers) ends within a window
 * of days, or has already ended. One definition for the portfolio filter (?expiring=30|90) and
 * the home page's count. Pure: the portfolio page imports it in the browser.
 */
export const CERTIFICATE_EXPIRY_WINDOWS_DAYS = [30, 90] as const;
export type CertificateExpiryWindow = (typeof CERTIFICATE_EXPIRY_WINDOWS_DAYS)[number];
/** The home page's window. */
export const HOME_CERTIFICATE_WINDOW_DAYS: CertificateExpiryWindow = 90;

const DAY_MS = 86_400_000;

export function certificateExpiryUntil(now: Date, days: CertificateExpiryWindow): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

export function parseCertificateExpiryWindow(value: string | null): CertificateExpiryWindow | null {
  return CERTIFICATE_EXPIRY_WINDOWS_DAYS.find((days) => String(days) === value) ?? null;
}

/** Active vendors whose certificates end within the window (or ended already). */
export function certificatesExpiringWhere(
  now: Date,
  days: CertificateExpiryWindow = HOME_CERTIFICATE_WINDOW_DAYS,
) {
  return { archivedAt: null, certificateExpiry: { lte: certificateExpiryUntil(now, days) } };
}
