import { can } from "../../utils/permissions";
import type { UserActor } from "../auth/actor";
import { assessmentWork } from "./assessment-work.server";
import { auditOverview } from "./audit-overview.server";
import { decisionWork } from "./decision-work.server";
import type { HomeGroup, HomePage } from "./home-types";
import { memberWork } from "./member-work.server";

/**
 * The home page after sign-in: the actor's "my work" inbox (issue 15 item 1). Which groups a
 * member sees follows the permission table (home:* actions, member:manage), never a role name:
 * DPO — decisions; ASSESSOR — assessments; ADMIN — members, decisions and assessments;
 * AUDITOR — recent decisions and the audit chain. Every query is scoped to the actor's
 * organisation, counts are count queries, and each group loads only its first few rows.
 */
export async function getHome(
  actor: UserActor,
  { now = new Date() }: { now?: Date } = {},
): Promise<HomePage> {
  const organizationId = actor.organizationId;
  const [members, decisions, assessments, audit] = await Promise.all([
    can(actor.role, "member:manage") ? memberWork(organizationId, now) : null,
    can(actor.role, "home:decision-work") ? decisionWork(organizationId, now) : null,
    can(actor.role, "home:assessment-work") ? assessmentWork(organizationId, now) : null,
    can(actor.role, "home:audit-overview") ? auditOverview(organizationId, now) : null,
  ]);
  const groups: HomeGroup[] = [];
  if (members) groups.push({ id: "members", sections: members });
  if (decisions) groups.push({ id: "decisions", sections: decisions });
  if (assessments) groups.push({ id: "assessments", sections: assessments });
  if (audit) groups.push({ id: "audit", sections: [audit.section] });
  return { groups, auditChain: audit?.chain ?? null };
}
