import { anchorAuditChain } from "../../app/modules/audit/anchor-audit-chain.server";
import { db } from "../../app/utils/db.server";

/**
 * `audit anchor [--org <slug>] [--first-anchor]`: a checkpoint of each verified chain's head now.
 * Exit 1 when a chain does not verify (nothing is anchored for it) or the org is unknown.
 */
export async function auditAnchorCommand(
  slug: string | undefined,
  firstAnchor = false,
): Promise<number> {
  const orgs = await db().organization.findMany({
    where: slug ? { slug } : {},
    orderBy: { slug: "asc" },
    select: { id: true, slug: true },
  });
  if (slug && orgs.length === 0) {
    process.stderr.write(`audit anchor: no organisation with slug "${slug}"\n`);
    return 1;
  }
  let refused = 0;
  for (const org of orgs) {
    const outcome = await anchorAuditChain(org.id, { firstAnchor });
    if (outcome.anchored) process.stdout.write(`${org.slug}: anchored at seq ${outcome.seq}\n`);
    else if (!("problems" in outcome))
      process.stdout.write(
        `${org.slug}: ${outcome.reason === "empty" ? "no events yet" : "already anchored at its head"}\n`,
      );
    else {
      refused++;
      process.stdout.write(
        `${org.slug}: NOT anchored — the trail does not verify:\n${outcome.problems.map((p) => `  ${p}\n`).join("")}`,
      );
    }
  }
  return refused > 0 ? 1 : 0;
}
