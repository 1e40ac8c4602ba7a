import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getEnv } from "../../utils/env.server";
import { clientIp } from "../../utils/request-context.server";
import { isRole, MFA_MANDATORY_ROLES, type Role, type UserActor } from "./actor";
import { sessionCookie } from "./cookies.server";
import { validateSessionToken } from "./sessions.server";

/**
 * Guards throw Responses so loaders read top to bottom:
 *   const actor = await requireRole(request, context, ["ASSESSOR"]);
 */
function currentPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

export async function getUserActor(request: Request, context?: AppLoadContext): Promise<UserActor | null> {
  const token = await sessionCookie().parse(request.headers.get("Cookie"));
  if (typeof token !== "string") return null;
  const result = await validateSessionToken(token);
  if (!result || !isRole(result.membership.role)) return null;
  const { session, membership } = result;
  return {
    kind: "user",
    userId: session.user.id,
    organizationId: session.organization.id,
    organizationSlug: session.organization.slug,
    role: membership.role as Role,
    email: session.user.email,
    name: session.user.name,
    sessionId: session.id,
    mfaVerifiedAt: session.mfaVerifiedAt,
    ip: clientIp(context),
  };
}

/** Whether this user must have a second factor before using the app. */
export function mfaRequired(role: Role, orgRequiresMfaForAll: boolean): boolean {
  return orgRequiresMfaForAll || MFA_MANDATORY_ROLES.includes(role);
}

export async function requireUser(
  request: Request,
  context?: AppLoadContext,
  options: { allowWithoutMfa?: boolean } = {},
): Promise<UserActor> {
  const token = await sessionCookie().parse(request.headers.get("Cookie"));
  const result = typeof token === "string" ? await validateSessionToken(token) : null;
  if (!result || !isRole(result.membership.role)) {
    throw redirect(`/login?redirectTo=${encodeURIComponent(currentPath(request))}`);
  }
  const { session, membership } = result;
  const role = membership.role as Role;
  if (!options.allowWithoutMfa && !session.user.totpEnabledAt && mfaRequired(role, session.organization.requireMfaForAll)) {
    throw redirect("/mfa/setup");
  }
  return {
    kind: "user",
    userId: session.user.id,
    organizationId: session.organization.id,
    organizationSlug: session.organization.slug,
    role,
    email: session.user.email,
    name: session.user.name,
    sessionId: session.id,
    mfaVerifiedAt: session.mfaVerifiedAt,
    ip: clientIp(context),
  };
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export async function requireRole(
  request: Request,
  context: AppLoadContext | undefined,
  roles: readonly Role[],
): Promise<UserActor> {
  const actor = await requireUser(request, context);
  if (!roles.includes(actor.role)) throw forbidden();
  return actor;
}

export function hasRecentMfa(actor: UserActor, now = new Date()): boolean {
  if (!actor.mfaVerifiedAt) return false;
  return now.getTime() - actor.mfaVerifiedAt.getTime() <= getEnv().MFA_STEP_UP_MINUTES * 60_000;
}

/** Step-up: sensitive actions need a second-factor check within the last few minutes. */
export function requireRecentMfa(request: Request, actor: UserActor): void {
  if (!hasRecentMfa(actor)) {
    throw redirect(`/auth/step-up?redirectTo=${encodeURIComponent(currentPath(request))}`);
  }
}
