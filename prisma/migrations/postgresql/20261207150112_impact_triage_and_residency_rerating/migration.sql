-- CreateTable
CREATE TABLE "ImpactTriage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "changeEventId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "reason" TEXT,
    "decidedById" TEXT,
    "raisedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImpactTriage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidencyRerating" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "changeEventId" TEXT NOT NULL,
    "oldClass" TEXT,
    "newClass" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "ratedOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResidencyRerating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImpactTriage_organizationId_status_idx" ON "ImpactTriage"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ImpactTriage_organizationId_changeEventId_key" ON "ImpactTriage"("organizationId", "changeEventId");

-- CreateIndex
CREATE INDEX "ResidencyRerating_organizationId_vendorId_ratedOn_idx" ON "ResidencyRerating"("organizationId", "vendorId", "ratedOn");

-- CreateIndex
CREATE INDEX "ResidencyRerating_organizationId_changeEventId_idx" ON "ResidencyRerating"("organizationId", "changeEventId");

-- CreateIndex
CREATE UNIQUE INDEX "ResidencyRerating_assessmentId_changeEventId_key" ON "ResidencyRerating"("assessmentId", "changeEventId");

-- AddForeignKey
ALTER TABLE "ImpactTriage" ADD CONSTRAINT "ImpactTriage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactTriage" ADD CONSTRAINT "ImpactTriage_changeEventId_fkey" FOREIGN KEY ("changeEventId") REFERENCES "ChangeEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResidencyRerating" ADD CONSTRAINT "ResidencyRerating_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResidencyRerating" ADD CONSTRAINT "ResidencyRerating_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResidencyRerating" ADD CONSTRAINT "ResidencyRerating_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResidencyRerating" ADD CONSTRAINT "ResidencyRerating_changeEventId_fkey" FOREIGN KEY ("changeEventId") REFERENCES "ChangeEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

