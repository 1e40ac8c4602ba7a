import type { Db } from "../../utils/db.server";
import { recordedSigningCertificates } from "./signing-certificate-record.server";
import { loadSigningIdentity } from "./signing-certificate.server";

/**
 * The certificates an organisation's reports may be signed with, as far as `audit verify` is
 * concerned: those the server recorded for it (their HMAC verifies), and the operator's current
 * certificate (reports signed before certificates were recorded per organisation). Recorded rows
 * whose HMAC fails are returned too: someone inserted or altered them.
 */
export async function trustedReportSigners(
  database: Db,
  organizationId: string,
): Promise<{ trusted: Set<string>; forged: string[] }> {
  const { genuine, forged } = await recordedSigningCertificates(database, organizationId);
  const operator = operatorFingerprint();
  if (operator) genuine.add(operator);
  return { trusted: genuine, forged };
}

function operatorFingerprint(): string | null {
  try {
    return loadSigningIdentity()?.fingerprint ?? null;
  } catch {
    // A misconfigured certificate stops the server at boot; verification then simply cannot use it.
    return null;
  }
}
