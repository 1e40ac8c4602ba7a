import { z } from "zod";
import { DomainError } from "../../utils/errors";

/** Which invite link a use case acts on. Prisma reads `id: {}` or `id: undefined` as "any": parse first. */
export const inviteRefSchema = z.object({ inviteId: z.string().min(1).max(64) });
export type InviteRefInput = z.infer<typeof inviteRefSchema>;

/** The checked reference; anything that cannot be an id is NOT_FOUND, like a foreign id. */
export function parseInviteRef(input: unknown): InviteRefInput {
  const parsed = inviteRefSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("NOT_FOUND", "errors.inviteNotFound");
  return parsed.data;
}
