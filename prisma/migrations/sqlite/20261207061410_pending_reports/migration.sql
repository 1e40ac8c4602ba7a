-- CreateTable
CREATE TABLE "PendingReport" (
    "decisionId" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "reportInput" TEXT NOT NULL,
    "auditHeadSeq" INTEGER NOT NULL,
    "auditHeadHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PendingReport_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PendingReport_status_nextAttemptAt_idx" ON "PendingReport"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "PendingReport_assessmentId_idx" ON "PendingReport"("assessmentId");

