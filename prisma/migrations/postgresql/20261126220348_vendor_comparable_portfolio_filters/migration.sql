-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "comparable" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Vendor_portfolio_filters_idx" ON "Vendor"("organizationId", "archivedAt", "criticality", "latestStatus", "latestTierRank", "latestResidencyClass", "latestDueDate", "latestOverall", "latestTransparency", "searchName", "id");

-- CreateIndex
CREATE INDEX "Vendor_organizationId_comparable_name_idx" ON "Vendor"("organizationId", "comparable", "name");


-- The boot backfill (backfillPortfolio) recomputes every vendor, "comparable" included.
UPDATE "Vendor" SET "portfolioSyncedAt" = NULL;
