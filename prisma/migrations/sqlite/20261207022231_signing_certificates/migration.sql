-- CreateTable
CREATE TABLE "SigningCertificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "activeSlot" TEXT,
    "certificateDer" BLOB NOT NULL,
    "chainPem" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "notBefore" DATETIME NOT NULL,
    "notAfter" DATETIME NOT NULL,
    "privateKeyEnc" TEXT,
    "issuerFingerprint" TEXT,
    "mac" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" DATETIME,
    CONSTRAINT "SigningCertificate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SigningCertificate_activeSlot_key" ON "SigningCertificate"("activeSlot");

-- CreateIndex
CREATE INDEX "SigningCertificate_organizationId_fingerprint_idx" ON "SigningCertificate"("organizationId", "fingerprint");

