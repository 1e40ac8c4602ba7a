import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ROLES, type Actor } from "../../app/modules/auth/actor";
import { normaliseEmail } from "../../app/modules/auth/log-in.server";
import { hashPassword, PASSWORD_MIN_LENGTH } from "../../app/modules/auth/password.server";
import { recordAuditEvent } from "../../app/modules/audit/record-audit-event.server";
import { installBundledTemplates } from "../../app/modules/questionnaires/bundled-templates.server";
import { displayNameSchema } from "../../app/utils/display-name-schema";
import { inTransaction } from "../../app/utils/transaction.server";

const inputSchema = z.object({
  org: z.string().regex(/^[a-z0-9-]{2,40}$/, "--org must be a slug (a-z, 0-9, -)"),
  email: z.email("--email must be an e-mail address"),
  name: displayNameSchema({
    max: 200,
    required: "--name is required (visible characters)",
    tooLong: "--name may have at most 200 characters",
  }),
  role: z.enum(ROLES, { message: `--role must be one of ${ROLES.join(", ")}` }),
  orgName: displayNameSchema({
    max: 200,
    required: "--org-name needs visible characters",
    tooLong: "--org-name may have at most 200 characters",
  }).optional(),
});

export async function usersCreateCommand(raw: Record<string, string | undefined>): Promise<number> {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) {
    process.stderr.write(`users create: ${parsed.error.issues.map((i) => i.message).join("; ")}\n`);
    return 2;
  }
  const input = parsed.data;
  const given = process.env.VETTED_PASSWORD;
  if (given !== undefined && given.length < PASSWORD_MIN_LENGTH) {
    process.stderr.write(
      `users create: VETTED_PASSWORD must have at least ${PASSWORD_MIN_LENGTH} characters\n`,
    );
    return 2;
  }
  const password = given ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  const email = normaliseEmail(input.email);
  const result = await inTransaction(async (tx) => {
    let org = await tx.organization.findUnique({
      where: { slug: input.org },
      select: { id: true },
    });
    if (!org && !input.orgName)
      return { error: `no organisation "${input.org}" (pass --org-name to create it)` } as const;
    const created = !org;
    org ??= await tx.organization.create({
      data: { slug: input.org, name: input.orgName! },
      select: { id: true },
    });
    const actor: Actor = { kind: "system", organizationId: org.id, label: "cli" };
    if (created) {
      await recordAuditEvent(tx, actor, {
        action: "org.created",
        target: { type: "organization", id: org.id },
        payload: { slug: input.org },
      });
      await installBundledTemplates(tx, actor);
    }
    if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
      return { error: `a user with e-mail ${email} already exists` } as const;
    const user = await tx.user.create({
      data: {
        email,
        name: input.name,
        passwordHash,
        memberships: { create: { organizationId: org.id, role: input.role } },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "user.created",
      target: { type: "user", id: user.id },
      payload: { email, role: input.role },
    });
    return { userId: user.id } as const;
  });
  if ("error" in result) {
    process.stderr.write(`users create: ${result.error}\n`);
    return 1;
  }
  process.stdout.write(`created ${email} (${input.role}) in ${input.org}\n`);
  if (given === undefined) process.stdout.write(`initial password (shown once): ${password}\n`);
  if (input.role === "ADMIN" || input.role === "DPO")
    process.stdout.write("this role must enrol two-factor authentication at first login\n");
  return 0;
}
