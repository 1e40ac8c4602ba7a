import { randomBytes } from "node:crypto";
import type { ServerBuild } from "@remix-run/node";
import type { Role } from "~/modules/auth/actor";
import { startAssessment } from "~/modules/assessments/start-assessment.server";
import { installBundledTemplates } from "~/modules/questionnaires/bundled-templates.server";
import { generateToken, sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { inTransaction } from "~/utils/transaction.server";
import { actorFor } from "../support/admin-factories";
import { createUser } from "../support/factories";

/**
 * Shared set-up for the HTTP tests (tests/http/*.integration.test.ts): real rows written through
 * the use cases or Prisma, and small parsers for what the server sends back.
 */
export type CreatedUser = Awaited<ReturnType<typeof createUser<boolean>>>;

/** The token inside a Remix cookie value (unsigned cookies are base64 of the JSON value). */
export function tokenFromCookieValue(value: string): string {
  const decoded = JSON.parse(
    Buffer.from(decodeURIComponent(value), "base64").toString("utf8"),
  ) as unknown;
  if (typeof decoded !== "string") throw new Error(`cookie value is not a string token: ${value}`);
  return decoded;
}

/** The Set-Cookie line that sets (or clears) `name`. */
export function setCookieLine(setCookies: string[], name: string): string | undefined {
  return setCookies.find((line) => line.split("=")[0]!.trim() === name);
}

/** RFC 4648 base32 (no padding, spaces ignored) → bytes. */
export function base32Decode(input: string): Uint8Array {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const clean = input.replace(/[\s=]/g, "").toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = alphabet.indexOf(char);
    if (index === -1) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** The text of the first element carrying data-testid="<id>". */
export function testIdText(html: string, id: string): string | null {
  const match = new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html);
  return match ? decodeEntities(match[1]!) : null;
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** A short random marker that makes rows easy to recognise in a response body. */
export function marker(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}`;
}

/**
 * A real assessment on the bundled "AI vendor due diligence" template, started through the
 * use case as `creator` (an ASSESSOR or ADMIN of the organisation).
 */
export async function startRealAssessment(input: {
  creator: CreatedUser;
  organizationSlug?: string;
  vendorId: string;
  productId?: string;
  title?: string;
  status?: string;
}) {
  const actor = actorFor(input.creator, { organizationSlug: input.organizationSlug });
  await inTransaction((tx) => installBundledTemplates(tx, actor));
  const version = await db().templateVersion.findFirstOrThrow({
    where: { status: "PUBLISHED", template: { organizationId: actor.organizationId } },
    orderBy: { createdAt: "asc" },
  });
  const assessment = await startAssessment(actor, {
    vendorId: input.vendorId,
    productId: input.productId,
    templateVersionId: version.id,
    title: input.title ?? marker("Assessment"),
    dueDate: undefined,
  });
  if (input.status && input.status !== assessment.status) {
    return db().assessment.update({ where: { id: assessment.id }, data: { status: input.status } });
  }
  return assessment;
}

/** An invite link row with a token the test knows (as create-invite-link would store it). */
export async function createInviteRecord(input: {
  organizationId: string;
  assessmentId: string;
  createdById: string;
  contactEmail?: string;
  expiresAt?: Date;
  revokedAt?: Date | null;
}) {
  const token = generateToken(32);
  const invite = await db().inviteLink.create({
    data: {
      organizationId: input.organizationId,
      assessmentId: input.assessmentId,
      contactEmail:
        input.contactEmail ?? `contact-${randomBytes(4).toString("hex")}@vendor.example`,
      tokenHash: sha256Hex(token),
      expiresAt: input.expiresAt ?? new Date(Date.now() + 7 * 86_400_000),
      revokedAt: input.revokedAt ?? null,
      createdById: input.createdById,
    },
  });
  return { invite, token };
}

/** Users of every role; ADMIN and DPO get a second factor (they cannot work without one). */
export async function createTeam(organizationId: string) {
  const team = {} as Record<Role, CreatedUser>;
  for (const role of ["ADMIN", "ASSESSOR", "DPO", "AUDITOR"] as const) {
    team[role] = await createUser({
      organizationId,
      role,
      withTotp: role === "ADMIN" || role === "DPO",
    });
  }
  return team;
}

/** Route id → full URL pattern ("/vendors/:vendorId/edit"), following parentId. */
export function routePatterns(
  build: ServerBuild,
): { id: string; pattern: string; hasLoader: boolean; hasAction: boolean }[] {
  const routes = build.routes;
  const fullPath = (id: string): string => {
    const route = routes[id]!;
    const parent = route.parentId ? fullPath(route.parentId) : "";
    const own = route.path ?? "";
    return [parent, own].filter(Boolean).join("/");
  };
  return Object.keys(routes).map((id) => {
    const module = routes[id]!.module as { loader?: unknown; action?: unknown };
    return {
      id,
      pattern: `/${fullPath(id)}`,
      hasLoader: typeof module.loader === "function",
      hasAction: typeof module.action === "function",
    };
  });
}

/** The dynamic segments of a pattern: ":vendorId" → "vendorId", ":x?" → "x", "*" → "*". */
export function paramsOf(pattern: string): string[] {
  return pattern
    .split("/")
    .filter((segment) => segment.startsWith(":") || segment === "*")
    .map((segment) => (segment === "*" ? "*" : segment.slice(1).replace(/\?$/, "")));
}

export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern
    .split("/")
    .map((segment) => {
      if (segment === "*") return encodeURIComponent(values["*"] ?? "");
      if (!segment.startsWith(":")) return segment;
      const name = segment.slice(1).replace(/\?$/, "");
      const value = values[name];
      if (value === undefined) throw new Error(`no value for :${name} in ${pattern}`);
      return encodeURIComponent(value);
    })
    .join("/");
}
