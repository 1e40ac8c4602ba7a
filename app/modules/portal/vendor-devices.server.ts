import type { Tx } from "../../utils/db.server";
import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { VENDOR_DEVICE_TTL_DAYS } from "../auth/cookies.server";

/**
 * Browsers on which a vendor contact confirmed an e-mailed code. The cookie holds 32 random
 * bytes; only their SHA-256 is stored (VendorDevice.id). A device is bound to one invite link:
 * a cookie from another link (or another organisation) is worth nothing here.
 */
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The id of a trusted, unexpired device of `inviteLinkId` behind `deviceToken`, or null. */
export async function findTrustedDevice(
  tx: Tx,
  deviceToken: unknown,
  inviteLinkId: string,
  now = new Date(),
): Promise<string | null> {
  if (typeof deviceToken !== "string" || !DEVICE_TOKEN.test(deviceToken)) return null;
  const device = await tx.vendorDevice.findUnique({
    where: { id: sha256Hex(deviceToken) },
    select: { id: true, inviteLinkId: true, expiresAt: true },
  });
  if (
    !device ||
    device.inviteLinkId !== inviteLinkId ||
    device.expiresAt.getTime() <= now.getTime()
  )
    return null;
  await tx.vendorDevice.update({ where: { id: device.id }, data: { lastSeenAt: now } });
  return device.id;
}

/** Remembers this browser for the link; returns the plain token for the cookie (never stored). */
export async function createVendorDevice(
  tx: Tx,
  input: { organizationId: string; inviteLinkId: string },
  now = new Date(),
) {
  const token = generateToken(32);
  await tx.vendorDevice.create({
    data: {
      id: sha256Hex(token),
      organizationId: input.organizationId,
      inviteLinkId: input.inviteLinkId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + VENDOR_DEVICE_TTL_DAYS * 86_400_000),
    },
  });
  return { token, deviceId: sha256Hex(token) };
}
