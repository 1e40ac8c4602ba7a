import type { Role } from "../../utils/permissions";

// The roles are defined with what they may do, in the permission table (app/utils/permissions.ts).
export { isRole, ROLES, type Role } from "../../utils/permissions";

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
