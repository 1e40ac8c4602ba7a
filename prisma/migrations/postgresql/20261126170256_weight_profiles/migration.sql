-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "weightProfileId" TEXT;

-- CreateTable
CREATE TABLE "WeightProfile" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "weights" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WeightProfile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WeightProfile_organizationId_name_key" ON "WeightProfile"("organizationId", "name");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_weightProfileId_fkey" FOREIGN KEY ("weightProfileId") REFERENCES "WeightProfile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeightProfile" ADD CONSTRAINT "WeightProfile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

