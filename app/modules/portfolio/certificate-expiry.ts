/**
 * The home page's "certificates expiring": active vendors whose earliest certificate validity
 * (Vendor.certificateExpiry) has ended or ends within 90 days — the portfolio's `?expiry=soon`
 * window (expirySql), so the home's count and the list it links to agree. Pure: the home page
 * imports the figure in the browser.
 */
export const HOME_CERTIFICATE_WINDOW_DAYS = 90;
export const HOME_CERTIFICATE_FILTER = "soon";
