-- CreateTable
CREATE TABLE "Instrument" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "celex" TEXT,
    "eli" TEXT,
    "citation" TEXT,
    "titleDe" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "authority" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstrumentVersion" (
    "id" TEXT NOT NULL,
    "instrumentId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "legalStatus" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "entryIntoForceAt" TIMESTAMP(3),
    "sourceUrl" TEXT,
    "contentSha256" TEXT NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstrumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provision" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "parentKey" TEXT,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "titleDe" TEXT,
    "titleEn" TEXT,
    "textDe" TEXT,
    "textEn" TEXT,
    "textSha256" TEXT NOT NULL,
    "assessable" BOOLEAN NOT NULL DEFAULT false,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "Provision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicabilityWindow" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "provisionId" TEXT,
    "appliesFrom" TIMESTAMP(3) NOT NULL,
    "appliesUntil" TIMESTAMP(3),
    "condition" TEXT,
    "scope" TEXT,
    "sourceUrl" TEXT NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "ApplicabilityWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeEvent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "instrumentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "effectiveAt" TIMESTAMP(3),
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Instrument_organizationId_idx" ON "Instrument"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Instrument_scopeKey_key_key" ON "Instrument"("scopeKey", "key");

-- CreateIndex
CREATE INDEX "InstrumentVersion_instrumentId_entryIntoForceAt_idx" ON "InstrumentVersion"("instrumentId", "entryIntoForceAt");

-- CreateIndex
CREATE UNIQUE INDEX "InstrumentVersion_instrumentId_label_key" ON "InstrumentVersion"("instrumentId", "label");

-- CreateIndex
CREATE INDEX "Provision_key_idx" ON "Provision"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Provision_versionId_key_key" ON "Provision"("versionId", "key");

-- CreateIndex
CREATE INDEX "ApplicabilityWindow_versionId_provisionId_idx" ON "ApplicabilityWindow"("versionId", "provisionId");

-- CreateIndex
CREATE INDEX "ApplicabilityWindow_scope_appliesFrom_idx" ON "ApplicabilityWindow"("scope", "appliesFrom");

-- CreateIndex
CREATE INDEX "ChangeEvent_scopeKey_effectiveAt_idx" ON "ChangeEvent"("scopeKey", "effectiveAt");

-- CreateIndex
CREATE INDEX "ChangeEvent_instrumentId_effectiveAt_idx" ON "ChangeEvent"("instrumentId", "effectiveAt");

-- CreateIndex
CREATE INDEX "ChangeEvent_scopeKey_detectedAt_idx" ON "ChangeEvent"("scopeKey", "detectedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeEvent_scopeKey_key_key" ON "ChangeEvent"("scopeKey", "key");

-- AddForeignKey
ALTER TABLE "Instrument" ADD CONSTRAINT "Instrument_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentVersion" ADD CONSTRAINT "InstrumentVersion_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Provision" ADD CONSTRAINT "Provision_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "InstrumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicabilityWindow" ADD CONSTRAINT "ApplicabilityWindow_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "InstrumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicabilityWindow" ADD CONSTRAINT "ApplicabilityWindow_provisionId_fkey" FOREIGN KEY ("provisionId") REFERENCES "Provision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeEvent" ADD CONSTRAINT "ChangeEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeEvent" ADD CONSTRAINT "ChangeEvent_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

