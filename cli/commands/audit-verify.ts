import { verifyAuditChain } from "../../app/modules/audit/verify-audit-chain.server";
import { db } from "../../app/utils/db.server";

/** Prints one verdict per organisation; exit 1 when any chain is broken or the org is unknown. */
export async function auditVerifyCommand(slug: string | undefined): Promise<number> {
  const orgs = await db().organization.findMany({
    where: slug ? { slug } : {},
    orderBy: { slug: "asc" },
    select: { id: true, slug: true },
  });
  if (slug && orgs.length === 0) {
    process.stderr.write(`audit verify: no organisation with slug "${slug}"\n`);
    return 1;
  }
  let broken = 0;
  for (const org of orgs) {
    const verdict = await verifyAuditChain(db(), org.id);
    if (verdict.ok) {
      process.stdout.write(`${org.slug}: intact — ${verdict.events} events, head seq ${verdict.headSeq}, hash ${verdict.headHash}\n`);
    } else {
      broken++;
      process.stdout.write(`${org.slug}: BROKEN at event seq ${verdict.brokenSeq} (id ${verdict.brokenId}): ${verdict.reason}\n`);
    }
  }
  return broken > 0 ? 1 : 0;
}
