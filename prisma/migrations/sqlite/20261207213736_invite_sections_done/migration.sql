-- AlterTable
ALTER TABLE "InviteLink" ADD COLUMN "sectionsDoneAt" DATETIME;

