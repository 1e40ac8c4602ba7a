export const ROLES = ["ADMIN", "ASSESSOR", "DPO", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Roles that may not use the app before enrolling a second factor. */
export const MFA_MANDATORY_ROLES: readonly Role[] = ["ADMIN", "DPO"];

/** Who performs a use case. Every query a use case makes is scoped to `organizationId`. */
export type UserActor = {
  kind: "user";
  userId: string;
  organizationId: string;
  organizationSlug: string;
  role: Role;
  email: string;
  name: string;
  sessionId: string;
  mfaVerifiedAt: Date | null;
  ip: string | null;
};

export type VendorActor = {
  kind: "vendor";
  organizationId: string;
  inviteLinkId: string;
  assessmentId: string;
  email: string;
  ip: string | null;
  /** Sections a delegated colleague may answer; absent or null: every section. */
  sections?: readonly string[] | null;
};

export type SystemActor = { kind: "system"; organizationId: string; label: string };

export type Actor = UserActor | VendorActor | SystemActor;
