import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";
import { isOutboxEnabled } from "./send-mail.server";
import { assertCan } from "../../utils/permissions";

export const OUTBOX_PAGE_SIZE = 100;

export interface OutboxDto {
  organizationName: string;
  mails: { id: string; to: string; subject: string; text: string; createdAt: Date }[];
}

/**
 * The developer outbox: the newest mails of the actor's organisation, for ADMINs, and only while
 * MAIL_URL=outbox (otherwise the page does not exist: NOT_FOUND). The bodies hold live invite links
 * and codes, which is why it is admin-only and never crosses organisations.
 */
export async function listOutboxMails(
  actor: UserActor,
  _input: Record<string, never> = {},
): Promise<OutboxDto> {
  if (!isOutboxEnabled()) throw new DomainError("NOT_FOUND", "errors.notFound");
  assertCan(actor, "outbox:read", "errors.outboxForbidden");
  const [organization, mails] = await Promise.all([
    db().organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { name: true },
    }),
    db().outboxMail.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: OUTBOX_PAGE_SIZE,
      select: { id: true, to: true, subject: true, text: true, createdAt: true },
    }),
  ]);
  return { organizationName: organization.name, mails };
}
