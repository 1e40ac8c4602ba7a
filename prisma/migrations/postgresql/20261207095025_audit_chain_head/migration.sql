-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "auditHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
ADD COLUMN     "auditPrevHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
ADD COLUMN     "auditSeq" INTEGER NOT NULL DEFAULT 0;


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
