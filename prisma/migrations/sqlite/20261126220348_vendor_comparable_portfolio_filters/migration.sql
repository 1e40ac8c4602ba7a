-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Vendor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "website" TEXT,
    "country" TEXT,
    "criticality" TEXT NOT NULL,
    "description" TEXT,
    "archivedAt" DATETIME,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "searchName" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "latestAssessmentId" TEXT,
    "latestProductName" TEXT,
    "latestStatus" TEXT,
    "latestOverall" REAL,
    "latestTierRank" INTEGER,
    "latestTransparency" REAL,
    "latestResidencyClass" TEXT,
    "latestDueDate" DATETIME,
    "certificateExpiry" DATETIME,
    "openFindings" INTEGER NOT NULL DEFAULT 0,
    "comparable" BOOLEAN NOT NULL DEFAULT false,
    "portfolioSyncedAt" DATETIME,
    CONSTRAINT "Vendor_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Vendor" ("archivedAt", "certificateExpiry", "country", "createdAt", "criticality", "description", "id", "latestAssessmentId", "latestDueDate", "latestOverall", "latestProductName", "latestResidencyClass", "latestStatus", "latestTierRank", "latestTransparency", "name", "openFindings", "organizationId", "portfolioSyncedAt", "searchName", "tags", "updatedAt", "version", "website") SELECT "archivedAt", "certificateExpiry", "country", "createdAt", "criticality", "description", "id", "latestAssessmentId", "latestDueDate", "latestOverall", "latestProductName", "latestResidencyClass", "latestStatus", "latestTierRank", "latestTransparency", "name", "openFindings", "organizationId", "portfolioSyncedAt", "searchName", "tags", "updatedAt", "version", "website" FROM "Vendor";
DROP TABLE "Vendor";
ALTER TABLE "new_Vendor" RENAME TO "Vendor";
CREATE INDEX "Vendor_organizationId_name_idx" ON "Vendor"("organizationId", "name");
CREATE INDEX "Vendor_organizationId_archivedAt_searchName_idx" ON "Vendor"("organizationId", "archivedAt", "searchName");
CREATE INDEX "Vendor_organizationId_archivedAt_latestOverall_idx" ON "Vendor"("organizationId", "archivedAt", "latestOverall");
CREATE INDEX "Vendor_organizationId_archivedAt_latestTierRank_idx" ON "Vendor"("organizationId", "archivedAt", "latestTierRank");
CREATE INDEX "Vendor_organizationId_archivedAt_latestDueDate_idx" ON "Vendor"("organizationId", "archivedAt", "latestDueDate");
CREATE INDEX "Vendor_organizationId_archivedAt_latestTransparency_idx" ON "Vendor"("organizationId", "archivedAt", "latestTransparency");
CREATE INDEX "Vendor_portfolio_filters_idx" ON "Vendor"("organizationId", "archivedAt", "criticality", "latestStatus", "latestTierRank", "latestResidencyClass", "latestDueDate", "latestOverall", "latestTransparency", "searchName", "id");
CREATE INDEX "Vendor_organizationId_comparable_name_idx" ON "Vendor"("organizationId", "comparable", "name");
CREATE INDEX "Vendor_portfolioSyncedAt_idx" ON "Vendor"("portfolioSyncedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- The boot backfill (backfillPortfolio) recomputes every vendor, "comparable" included.
UPDATE "Vendor" SET "portfolioSyncedAt" = NULL;
