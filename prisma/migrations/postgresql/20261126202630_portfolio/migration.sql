-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "certificateExpiry" TIMESTAMP(3),
ADD COLUMN     "latestAssessmentId" TEXT,
ADD COLUMN     "latestDueDate" TIMESTAMP(3),
ADD COLUMN     "latestOverall" DOUBLE PRECISION,
ADD COLUMN     "latestProductName" TEXT,
ADD COLUMN     "latestResidencyClass" TEXT,
ADD COLUMN     "latestStatus" TEXT,
ADD COLUMN     "latestTierRank" INTEGER,
ADD COLUMN     "latestTransparency" DOUBLE PRECISION,
ADD COLUMN     "openFindings" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "portfolioSyncedAt" TIMESTAMP(3),
ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "tags" TEXT NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "Vendor_organizationId_archivedAt_searchName_idx" ON "Vendor"("organizationId", "archivedAt", "searchName");

-- CreateIndex
CREATE INDEX "Vendor_organizationId_archivedAt_latestOverall_idx" ON "Vendor"("organizationId", "archivedAt", "latestOverall");

-- CreateIndex
CREATE INDEX "Vendor_organizationId_archivedAt_latestTierRank_idx" ON "Vendor"("organizationId", "archivedAt", "latestTierRank");

-- CreateIndex
CREATE INDEX "Vendor_organizationId_archivedAt_latestDueDate_idx" ON "Vendor"("organizationId", "archivedAt", "latestDueDate");

-- CreateIndex
CREATE INDEX "Vendor_organizationId_archivedAt_latestTransparency_idx" ON "Vendor"("organizationId", "archivedAt", "latestTransparency");

-- CreateIndex
CREATE INDEX "Vendor_portfolioSyncedAt_idx" ON "Vendor"("portfolioSyncedAt");

