import { db } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import { refreshVendorPortfolio } from "./refresh-vendor-portfolio.server";

/**
 * Fills the portfolio columns (searchName, latest assessment facts) of vendors that never had
 * them computed: rows written before the migration, or inserted in bulk. Runs at boot; batches
 * of 200 vendors per transaction. Returns how many vendors it refreshed.
 */
export async function backfillPortfolio(): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db().vendor.findMany({
      where: { portfolioSyncedAt: null },
      select: { id: true, organizationId: true },
      take: 200,
    });
    if (batch.length === 0) return done;
    await inTransaction(async (tx) => {
      for (const vendor of batch)
        await refreshVendorPortfolio(tx, vendor.organizationId, vendor.id);
    });
    done += batch.length;
  }
}
