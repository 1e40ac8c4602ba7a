import { z } from "zod";
import { PENDING_LOGIN_TTL_SECONDS, pendingLoginCookie } from "./cookies.server";

/** A password-verified login waiting for its second factor: a signed cookie that expires. */
const pendingSchema = z.object({
  userId: z.string(),
  organizationId: z.string(),
  expiresAt: z.number(),
  redirectTo: z.string(),
});
export type PendingLogin = z.infer<typeof pendingSchema>;

export async function serializePendingLogin(
  input: Omit<PendingLogin, "expiresAt">,
): Promise<string> {
  return pendingLoginCookie().serialize({
    ...input,
    expiresAt: Date.now() + PENDING_LOGIN_TTL_SECONDS * 1000,
  });
}

export async function readPendingLogin(request: Request): Promise<PendingLogin | null> {
  const raw = await pendingLoginCookie().parse(request.headers.get("Cookie"));
  const parsed = pendingSchema.safeParse(raw);
  if (!parsed.success || parsed.data.expiresAt < Date.now()) return null;
  return parsed.data;
}

export function clearPendingLogin(): Promise<string> {
  return pendingLoginCookie().serialize("", { maxAge: 0 });
}
