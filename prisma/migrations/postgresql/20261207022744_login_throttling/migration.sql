-- CreateTable
CREATE TABLE "KnownLoginNetwork" (
    "userId" TEXT NOT NULL,
    "networkHash" TEXT NOT NULL,
    "lastSignInAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnownLoginNetwork_pkey" PRIMARY KEY ("userId","networkHash")
);

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");

-- AddForeignKey
ALTER TABLE "KnownLoginNetwork" ADD CONSTRAINT "KnownLoginNetwork_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

