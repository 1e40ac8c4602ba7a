-- CreateTable
CREATE TABLE "ProvisionLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "provisionKey" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'editor',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProvisionLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProvisionLink_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "QuestionnaireTemplate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ProvisionLink_organizationId_provisionKey_idx" ON "ProvisionLink"("organizationId", "provisionKey");

-- CreateIndex
CREATE UNIQUE INDEX "ProvisionLink_templateId_questionKey_provisionKey_key" ON "ProvisionLink"("templateId", "questionKey", "provisionKey");

