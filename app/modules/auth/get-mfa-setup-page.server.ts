import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "./actor";
import { startTotpEnrolment } from "./enrol-totp.server";
import { mfaRequired } from "./guards.server";

export type MfaSetupPage =
  | { enabled: true; manualKey: null; qrCodeSvg: null; required: false }
  | { enabled: false; manualKey: string; qrCodeSvg: string; required: boolean };

const ENABLED: MfaSetupPage = { enabled: true, manualKey: null, qrCodeSvg: null, required: false };

/**
 * What /mfa/setup shows: "enabled" once a second factor is on, otherwise the pending key (the key
 * URI is only needed for the QR code, rendered here on the server). Reads only.
 */
export async function getMfaSetupPage(actor: UserActor): Promise<MfaSetupPage> {
  const [user, org] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } }),
    db().organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { requireMfaForAll: true },
    }),
  ]);
  if (user.totpEnabledAt) return ENABLED;
  const enrolment = await startTotpEnrolment(actor).catch((error: unknown) => {
    // Enabled in another tab since the check above: show the "enabled" page, not an error.
    if (error instanceof DomainError && error.code === "INVALID_STATE") return null;
    throw error;
  });
  if (!enrolment) return ENABLED;
  return {
    enabled: false,
    manualKey: enrolment.manualKey,
    qrCodeSvg: enrolment.qrCodeSvg,
    required: mfaRequired(actor.role, org.requireMfaForAll),
  };
}
