import { DomainError } from "./errors";

/**
 * The one permission table (ADR 0022): which role may do what in its organisation. Server guards
 * (requirePermission in routes, assertCan in use cases) and the interface (menus, buttons, read-only
 * notices) ask the same question, can(role, action), so a button is shown exactly when the server
 * will accept what it sends. This is the only file that names roles in a check; ESLint refuses
 * role comparisons and role lists anywhere else in app/ (eslint/boundaries.js).
 *
 * Pure and free of server code: components import it too.
 */
export const ROLES = ["ADMIN", "ASSESSOR", "DPO", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

const EVERY_ROLE = ROLES;
/** The people who run assessments: they write vendors, templates, assessments and findings. */
const RUNS_ASSESSMENTS = ["ADMIN", "ASSESSOR"] as const;
const ADMINISTERS = ["ADMIN"] as const;

/** Action (`subject:verb`) → the roles allowed to perform it. Every member reads; few write. */
export const PERMISSIONS = {
  "vendor:read": EVERY_ROLE,
  "vendor:edit": RUNS_ASSESSMENTS,
  "template:read": EVERY_ROLE,
  /** Drafts, the editor, imports and publishing a version. */
  "template:edit": RUNS_ASSESSMENTS,
  "assessment:read": EVERY_ROLE,
  /** Start, invite, forward, ask clarifications, request changes, manage invite links. */
  "assessment:edit": RUNS_ASSESSMENTS,
  /** Approve or reject after a fresh second factor; separation of duties is checked on top. */
  "assessment:decide": ["DPO"],
  /**
   * Start re-reviews after a regulation change (issue 14 item 8): whoever runs assessments, and
   * the DPO who triages the change. The DPO who starts one created it, so separation of duties
   * (decision-blockers.server.ts) leaves its decision to another DPO.
   */
  "assessment:re-review": ["ADMIN", "ASSESSOR", "DPO"],
  "finding:edit": RUNS_ASSESSMENTS,
  /** Internal and vendor-visible comments in the review: the DPO discusses before deciding. */
  "comment:write": ["ADMIN", "ASSESSOR", "DPO"],
  "audit:read": ["ADMIN", "AUDITOR"],
  /** Invite, change roles, deactivate and reactivate members, revoke invitations. */
  "member:manage": ADMINISTERS,
  /** Organisation settings and the report signing certificate. */
  "organization:configure": ADMINISTERS,
  "weight-profile:manage": ADMINISTERS,
  /** The development mail outbox holds live invite links and codes. */
  "outbox:read": ADMINISTERS,
  /** The dead-letter list of background jobs: see why a job gave up, retry or discard it. */
  "job:manage": ADMINISTERS,
  /** Import a control framework file (CISO Assistant, OSCAL) into the organisation's catalogue. */
  "framework:import": ["ADMIN", "DPO"],
  /** The change feed of the regulation catalogue (page, secret feed address). */
  "regulation-change:read": EVERY_ROLE,
  /** Confirm or dismiss a change event that an online sync proposed. */
  "regulation-change:review": ["ADMIN", "DPO"],
  /** Receives the weekly digest of regulatory changes by mail. */
  "regulation-digest:receive": ["DPO"],
  /** Triage a regulation change for the organisation (applicable, not applicable, deferred …). */
  "impact:triage": ["ADMIN", "DPO"],
  /**
   * The home page's "my work" sections (issue 15 item 1). The DPO's queue (awaiting decision,
   * conditions due, changes to triage) and the assessor's (submitted, overdue, clarifications
   * answered, certificates expiring); admins oversee both. The auditor's overview (recent
   * decisions, the audit chain's status) is the auditor's own; admins reach it on /audit.
   */
  "home:decision-work": ["ADMIN", "DPO"],
  "home:assessment-work": RUNS_ASSESSMENTS,
  "home:audit-overview": ["AUDITOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Whether a member with this role may perform the action. */
export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** The roles allowed to perform an action (for queries such as "another active administrator"). */
export function rolesAllowedTo(action: Action): readonly Role[] {
  return PERMISSIONS[action];
}

/**
 * Roles with powers over others' data or decisions. They may not use the app before enrolling a
 * second factor, and granting one (an invitation) needs a fresh second-factor check.
 */
const PRIVILEGED_ROLES: readonly Role[] = ["ADMIN", "DPO"];

export function isPrivilegedRole(role: Role): boolean {
  return PRIVILEGED_ROLES.includes(role);
}

/**
 * A use case's check: FORBIDDEN unless the actor's role may perform the action. Use cases check
 * again what their route's guard checked, so no caller (a job, the CLI, a test) can skip it.
 */
export function assertCan(
  actor: { role: Role },
  action: Action,
  message: ConstructorParameters<typeof DomainError>[1],
): void {
  if (!can(actor.role, action)) throw new DomainError("FORBIDDEN", message);
}
