-- CreateTable
CREATE TABLE "FeedToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME,
    CONSTRAINT "FeedToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FeedToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChangeEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "instrumentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "detectedAt" DATETIME NOT NULL,
    "effectiveAt" DATETIME,
    "legalStatus" TEXT NOT NULL,
    "fromVersionId" TEXT,
    "toVersionId" TEXT,
    "affectedProvisionKeys" TEXT NOT NULL,
    "diffJson" TEXT NOT NULL,
    "summaryDe" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "source" TEXT NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "dismissedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChangeEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChangeEvent_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ChangeEvent" ("affectedProvisionKeys", "confirmed", "createdAt", "detectedAt", "diffJson", "effectiveAt", "fromVersionId", "id", "instrumentId", "key", "legalStatus", "note", "organizationId", "scopeKey", "source", "sourceUrl", "summaryDe", "summaryEn", "toVersionId", "type") SELECT "affectedProvisionKeys", "confirmed", "createdAt", "detectedAt", "diffJson", "effectiveAt", "fromVersionId", "id", "instrumentId", "key", "legalStatus", "note", "organizationId", "scopeKey", "source", "sourceUrl", "summaryDe", "summaryEn", "toVersionId", "type" FROM "ChangeEvent";
DROP TABLE "ChangeEvent";
ALTER TABLE "new_ChangeEvent" RENAME TO "ChangeEvent";
CREATE INDEX "ChangeEvent_scopeKey_effectiveAt_idx" ON "ChangeEvent"("scopeKey", "effectiveAt");
CREATE INDEX "ChangeEvent_instrumentId_effectiveAt_idx" ON "ChangeEvent"("instrumentId", "effectiveAt");
CREATE INDEX "ChangeEvent_scopeKey_detectedAt_idx" ON "ChangeEvent"("scopeKey", "detectedAt");
CREATE UNIQUE INDEX "ChangeEvent_scopeKey_key_key" ON "ChangeEvent"("scopeKey", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "FeedToken_tokenHash_key" ON "FeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "FeedToken_userId_organizationId_idx" ON "FeedToken"("userId", "organizationId");

