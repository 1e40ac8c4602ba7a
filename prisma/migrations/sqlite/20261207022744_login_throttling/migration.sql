-- CreateTable
CREATE TABLE "KnownLoginNetwork" (
    "userId" TEXT NOT NULL,
    "networkHash" TEXT NOT NULL,
    "lastSignInAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "networkHash"),
    CONSTRAINT "KnownLoginNetwork_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");

