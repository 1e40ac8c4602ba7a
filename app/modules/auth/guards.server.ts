import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getEnv } from "../../utils/env.server";
import { clientIp } from "../../utils/request-context.server";
import { can, isPrivilegedRole, type Action } from "../../utils/permissions";
import { isRole, type Role, type UserActor } from "./actor";
import { sessionCookie } from "./cookies.server";
import { validateSessionToken } from "./sessions.server";

/**
 * Guards throw Responses so loaders read top to bottom:
 *   const actor = await requirePermission(request, context, "vendor:edit");
 */
function currentPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

type ValidatedSession = Awaited<ReturnType<typeof validateSessionToken>>;
const VALIDATED_SESSION = Symbol("validated session");

/**
 * The request's session, validated once per GET/HEAD request: the root loader and the route's
 * loader share the request's scope (context.requestScope), so a page costs one validation
 * instead of two. Other methods validate each time, because an action may change the session
 * (sign-in, step-up, sign-out).
 */
function validatedSession(
  request: Request,
  context: AppLoadContext | undefined,
): Promise<ValidatedSession> {
  const scope =
    request.method === "GET" || request.method === "HEAD" ? context?.requestScope : undefined;
  return validateSessionCookie(request.headers.get("Cookie"), scope);
}

/**
 * Validates the session a Cookie header names, once per scope: the rendered-page cache
 * (page-cache.server.ts) validates a GET request's session before Remix runs and hands its
 * scope on to the loaders (server/app.js), so a page rendered afresh still costs one validation.
 */
export function validateSessionCookie(
  cookie: string | null | undefined,
  scope?: Map<symbol, unknown>,
): Promise<ValidatedSession> {
  const known = scope?.get(VALIDATED_SESSION) as Promise<ValidatedSession> | undefined;
  if (known) return known;
  const validation = sessionCookie()
    .parse(cookie ?? null)
    .then((token: unknown) => (typeof token === "string" ? validateSessionToken(token) : null));
  scope?.set(VALIDATED_SESSION, validation);
  return validation;
}

/** The signed-in user's preferred language (null: none chosen), from the request's session. */
export async function getSessionUserLocale(
  request: Request,
  context?: AppLoadContext,
): Promise<string | null> {
  return (await validatedSession(request, context))?.session.user.locale ?? null;
}

export async function getUserActor(
  request: Request,
  context?: AppLoadContext,
): Promise<UserActor | null> {
  const result = await validatedSession(request, context);
  if (!result || !isRole(result.membership.role)) return null;
  return actorOf(result, result.membership.role, context);
}

/** The user actor of a validated session with a known role. */
function actorOf(
  validated: NonNullable<ValidatedSession>,
  role: Role,
  context: AppLoadContext | undefined,
): UserActor {
  const { session } = validated;
  context?.identify?.({ organizationId: session.organization.id, userId: session.user.id });
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

/** Whether this user must have a second factor before using the app. */
export function mfaRequired(role: Role, orgRequiresMfaForAll: boolean): boolean {
  return orgRequiresMfaForAll || isPrivilegedRole(role);
}

/** Whether a validated session's user must first enrol a second factor (requireUser redirects them). */
export function mustEnrolMfa(validated: NonNullable<ValidatedSession>, role: Role): boolean {
  return (
    !validated.session.user.totpEnabledAt &&
    mfaRequired(role, validated.session.organization.requireMfaForAll)
  );
}

export async function requireUser(
  request: Request,
  context?: AppLoadContext,
  options: { allowWithoutMfa?: boolean } = {},
): Promise<UserActor> {
  const result = await validatedSession(request, context);
  if (!result || !isRole(result.membership.role)) {
    throw redirect(`/login?redirectTo=${encodeURIComponent(currentPath(request))}`);
  }
  const role = result.membership.role;
  if (!options.allowWithoutMfa && mustEnrolMfa(result, role)) {
    throw redirect("/mfa/setup");
  }
  return actorOf(result, role, context);
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

/** The signed-in user, if the permission table lets their role perform the action; else 403. */
export async function requirePermission(
  request: Request,
  context: AppLoadContext | undefined,
  action: Action,
): Promise<UserActor> {
  const actor = await requireUser(request, context);
  if (!can(actor.role, action)) throw forbidden();
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
