-- CreateTable
CREATE TABLE "WeightProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "weights" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WeightProfile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "productId" TEXT,
    "templateVersionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "dueDate" DATETIME,
    "createdById" TEXT NOT NULL,
    "submittedAt" DATETIME,
    "forwardedById" TEXT,
    "forwardedAt" DATETIME,
    "scoreResult" TEXT,
    "scoringMethodVersion" TEXT,
    "overallScore" REAL,
    "weightProfileId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assessment_weightProfileId_fkey" FOREIGN KEY ("weightProfileId") REFERENCES "WeightProfile" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assessment_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "TemplateVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Assessment" ("createdAt", "createdById", "dueDate", "forwardedAt", "forwardedById", "id", "organizationId", "overallScore", "productId", "scoreResult", "scoringMethodVersion", "status", "submittedAt", "templateVersionId", "title", "updatedAt", "vendorId", "version") SELECT "createdAt", "createdById", "dueDate", "forwardedAt", "forwardedById", "id", "organizationId", "overallScore", "productId", "scoreResult", "scoringMethodVersion", "status", "submittedAt", "templateVersionId", "title", "updatedAt", "vendorId", "version" FROM "Assessment";
DROP TABLE "Assessment";
ALTER TABLE "new_Assessment" RENAME TO "Assessment";
CREATE INDEX "Assessment_organizationId_status_idx" ON "Assessment"("organizationId", "status");
CREATE INDEX "Assessment_organizationId_vendorId_idx" ON "Assessment"("organizationId", "vendorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "WeightProfile_organizationId_name_key" ON "WeightProfile"("organizationId", "name");

