-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "requireMfaForAll" BOOLEAN NOT NULL DEFAULT false,
    "reminderDaysBefore" INTEGER NOT NULL DEFAULT 3,
    "remindWhenOverdue" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "auditSeq" INTEGER NOT NULL DEFAULT 0,
    "auditHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
    "auditPrevHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000'
);
INSERT INTO "new_Organization" ("createdAt", "id", "name", "remindWhenOverdue", "reminderDaysBefore", "requireMfaForAll", "slug") SELECT "createdAt", "id", "name", "remindWhenOverdue", "reminderDaysBefore", "requireMfaForAll", "slug" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Initialise each organisation's chain head from its newest event (record-audit-event.server.ts
-- appends from the head from now on). Organisations without events keep the defaults.
UPDATE "Organization"
SET "auditSeq" = "newest"."seq", "auditHash" = "newest"."hash", "auditPrevHash" = "newest"."prevHash"
FROM (
    SELECT "e"."organizationId", "e"."seq", "e"."hash", "e"."prevHash"
    FROM "AuditEvent" AS "e"
    WHERE "e"."seq" = (SELECT MAX("m"."seq") FROM "AuditEvent" AS "m" WHERE "m"."organizationId" = "e"."organizationId")
) AS "newest"
WHERE "newest"."organizationId" = "Organization"."id";
