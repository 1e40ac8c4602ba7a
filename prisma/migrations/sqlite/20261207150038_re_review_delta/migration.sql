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
    "inviteTtlDays" INTEGER,
    "createdById" TEXT NOT NULL,
    "submittedAt" DATETIME,
    "forwardedById" TEXT,
    "forwardedAt" DATETIME,
    "scoreResult" TEXT,
    "scoringMethodVersion" TEXT,
    "overallScore" REAL,
    "weightProfileId" TEXT,
    "reReviewOfId" TEXT,
    "changeEventId" TEXT,
    "deltaJson" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assessment_weightProfileId_fkey" FOREIGN KEY ("weightProfileId") REFERENCES "WeightProfile" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assessment_reReviewOfId_fkey" FOREIGN KEY ("reReviewOfId") REFERENCES "Assessment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assessment_changeEventId_fkey" FOREIGN KEY ("changeEventId") REFERENCES "ChangeEvent" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assessment_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "TemplateVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Assessment" ("createdAt", "createdById", "dueDate", "forwardedAt", "forwardedById", "id", "inviteTtlDays", "organizationId", "overallScore", "productId", "scoreResult", "scoringMethodVersion", "status", "submittedAt", "templateVersionId", "title", "updatedAt", "vendorId", "version", "weightProfileId") SELECT "createdAt", "createdById", "dueDate", "forwardedAt", "forwardedById", "id", "inviteTtlDays", "organizationId", "overallScore", "productId", "scoreResult", "scoringMethodVersion", "status", "submittedAt", "templateVersionId", "title", "updatedAt", "vendorId", "version", "weightProfileId" FROM "Assessment";
DROP TABLE "Assessment";
ALTER TABLE "new_Assessment" RENAME TO "Assessment";
CREATE INDEX "Assessment_organizationId_status_idx" ON "Assessment"("organizationId", "status");
CREATE INDEX "Assessment_organizationId_vendorId_idx" ON "Assessment"("organizationId", "vendorId");
CREATE INDEX "Assessment_reReviewOfId_idx" ON "Assessment"("reReviewOfId");
CREATE TABLE "new_Answer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedBy" TEXT NOT NULL,
    "carriedFromAssessmentId" TEXT,
    "firstGivenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "carriedConfirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Answer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Answer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Answer" ("assessmentId", "createdAt", "id", "organizationId", "questionKey", "updatedAt", "updatedBy", "value", "version") SELECT "assessmentId", "createdAt", "id", "organizationId", "questionKey", "updatedAt", "updatedBy", "value", "version" FROM "Answer";
DROP TABLE "Answer";
ALTER TABLE "new_Answer" RENAME TO "Answer";
CREATE UNIQUE INDEX "Answer_assessmentId_questionKey_key" ON "Answer"("assessmentId", "questionKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Answers older than this column: their value was given when it was last written.
UPDATE "Answer" SET "firstGivenAt" = "updatedAt";
