-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "changeEventId" TEXT,
ADD COLUMN     "deltaJson" TEXT,
ADD COLUMN     "reReviewOfId" TEXT;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "carriedConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "carriedFromAssessmentId" TEXT,
ADD COLUMN     "firstGivenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "Assessment_reReviewOfId_idx" ON "Assessment"("reReviewOfId");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_reReviewOfId_fkey" FOREIGN KEY ("reReviewOfId") REFERENCES "Assessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_changeEventId_fkey" FOREIGN KEY ("changeEventId") REFERENCES "ChangeEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Answers older than this column: their value was given when it was last written.
UPDATE "Answer" SET "firstGivenAt" = "updatedAt";
