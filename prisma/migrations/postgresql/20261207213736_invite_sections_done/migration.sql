-- AlterTable
ALTER TABLE "InviteLink" ADD COLUMN     "sectionsDoneAt" TIMESTAMP(3);

