import { randomBytes } from "node:crypto";
import type { Role } from "../../app/modules/auth/actor";
import { hashPassword } from "../../app/modules/auth/password.server";
import { encryptTotpKey, generateTotpKey } from "../../app/modules/auth/totp.server";
import { db } from "../../app/utils/db.server";
import { foldForSearch } from "../../app/modules/vendors/search-text";

/**
 * Test data written through Prisma into the test file's database. Unique values are random so
 * factories can be called any number of times. Add more factories here as modules appear.
 */
export const DEFAULT_TEST_PASSWORD = "correct horse battery staple";

function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}

// Argon2id is deliberately slow: hash each distinct password once per test file.
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

export function createOrganization(input: { slug?: string; name?: string } = {}) {
  const slug = input.slug ?? `org-${uniqueSuffix()}`;
  return db().organization.create({ data: { slug, name: input.name ?? `Organisation ${slug}` } });
}

export async function createUser<WithTotp extends boolean = false>(input: {
  organizationId: string;
  role: Role;
  email?: string;
  name?: string;
  password?: string;
  withTotp?: WithTotp;
}) {
  const password = input.password ?? DEFAULT_TEST_PASSWORD;
  const email = input.email ?? `user-${uniqueSuffix()}@example.test`;
  // The raw key lets a test compute codes: generateTotpCode(totpKey, new Date()).
  const totpKey = input.withTotp ? generateTotpKey() : null;
  const user = await db().user.create({
    data: {
      email,
      name: input.name ?? email.split("@")[0]!,
      passwordHash: await cachedHash(password),
      totpSecretEnc: totpKey ? encryptTotpKey(totpKey) : null,
      totpEnabledAt: totpKey ? new Date() : null,
    },
  });
  const membership = await db().membership.create({
    data: { organizationId: input.organizationId, userId: user.id, role: input.role },
  });
  return {
    user,
    membership,
    password,
    totpKey: totpKey as WithTotp extends true ? Uint8Array : null,
  };
}

export function createVendor(input: {
  organizationId: string;
  name?: string;
  criticality?: string;
}) {
  const name = input.name ?? `Vendor ${uniqueSuffix()}`;
  return db().vendor.create({
    // searchName as createVendor() stores it, so list and portfolio searches find the row.
    data: {
      organizationId: input.organizationId,
      name,
      searchName: foldForSearch(name),
      criticality: input.criticality ?? "MEDIUM",
    },
  });
}
