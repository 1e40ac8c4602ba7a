-- CreateTable
CREATE TABLE "ProvisionLink" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "provisionKey" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'editor',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProvisionLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProvisionLink_organizationId_provisionKey_idx" ON "ProvisionLink"("organizationId", "provisionKey");

-- CreateIndex
CREATE UNIQUE INDEX "ProvisionLink_templateId_questionKey_provisionKey_key" ON "ProvisionLink"("templateId", "questionKey", "provisionKey");

-- AddForeignKey
ALTER TABLE "ProvisionLink" ADD CONSTRAINT "ProvisionLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisionLink" ADD CONSTRAINT "ProvisionLink_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "QuestionnaireTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

