import { afterEach, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { inTransaction } from "~/utils/transaction.server";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { verifyAuditTrail } from "../audit/verify-audit-trail.server";
import { writeAuditCheckpoint } from "../audit/write-audit-checkpoint.server";
import { createTestCertificateAuthority, parsePkcs12 } from "../signing/pkcs12";
import {
  recordedSigningCertificates,
  storeSigningCertificate,
} from "../signing/signing-certificate-record.server";
import {
  EncryptionKeyMismatchError,
  INSTALLATION_ID,
  verifyEncryptionKey,
} from "./encryption-key-check.server";
import {
  KeyRotationError,
  ROTATION_AUDIT_ACTION,
  rotateEncryptionKey,
} from "./rotate-encryption-key.server";

/**
 * Item 5 of issue 13: the key-check value that stops a start with the wrong ENCRYPTION_KEY, and
 * the rotation to a new key (every encrypted column, the anchors' HMACs, the key check, an audit
 * event per organisation, one transaction).
 */
const TEST_KEY = process.env.ENCRYPTION_KEY!;
const OTHER_KEY = Buffer.alloc(32, 0x42).toString("base64");
const NEW_KEY = Buffer.alloc(32, 0x5a).toString("base64");

afterEach(() => {
  process.env.ENCRYPTION_KEY = TEST_KEY;
  resetEnvForTests();
});

async function clearKeyCheck() {
  await db().installation.deleteMany({});
}

/** A fresh installation: no key check, no encrypted secret (earlier tests rotated theirs). */
async function freshInstallation() {
  await clearKeyCheck();
  await db().user.updateMany({ data: { totpSecretEnc: null } });
  await db().signingCertificate.updateMany({ data: { privateKeyEnc: null } });
}

describe("the key-check value", () => {
  it("is created at first start, verified later, and refuses another key", async () => {
    await freshInstallation();
    expect(await verifyEncryptionKey(TEST_KEY)).toBe("created");
    expect(await verifyEncryptionKey(TEST_KEY)).toBe("verified");
    await expect(verifyEncryptionKey(OTHER_KEY)).rejects.toBeInstanceOf(EncryptionKeyMismatchError);
  });

  it("is not created with a key that cannot decrypt the secrets already stored", async () => {
    await freshInstallation();
    const org = await createOrganization();
    await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
    await expect(verifyEncryptionKey(OTHER_KEY)).rejects.toBeInstanceOf(EncryptionKeyMismatchError);
    expect(await db().installation.count()).toBe(0);
    expect(await verifyEncryptionKey(TEST_KEY)).toBe("created");
  });
});

describe("rotate-encryption-key", () => {
  it("re-encrypts every secret, re-signs the anchors, updates the key check and audits it, in one go", async () => {
    await freshInstallation();
    await verifyEncryptionKey(TEST_KEY);
    const org = await createOrganization();
    const { user } = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
    const identity = (() => {
      const ca = createTestCertificateAuthority("Rotation GmbH");
      return parsePkcs12(ca.p12, ca.passphrase);
    })();
    await inTransaction(async (tx) => {
      await storeSigningCertificate(tx, {
        organizationId: org.id,
        source: "UPLOADED",
        certificate: identity.certificate,
        chain: identity.chain,
        privateKey: identity.privateKey,
        active: true,
      });
      const head = await recordAuditEvent(
        tx,
        { kind: "system", organizationId: org.id, label: "test" },
        { action: "test.before_rotation" },
      );
      await writeAuditCheckpoint(tx, head, "manual");
    });
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id } });

    // A wrong current key changes nothing.
    await expect(
      rotateEncryptionKey({ oldKey: OTHER_KEY, newKey: NEW_KEY }),
    ).rejects.toBeInstanceOf(EncryptionKeyMismatchError);
    await expect(rotateEncryptionKey({ oldKey: TEST_KEY, newKey: "short" })).rejects.toBeInstanceOf(
      KeyRotationError,
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).totpSecretEnc).toBe(
      before.totpSecretEnc,
    );

    const summary = await rotateEncryptionKey({ oldKey: TEST_KEY, newKey: NEW_KEY });
    expect(summary.totpSecrets).toBeGreaterThanOrEqual(1);
    expect(summary.signingKeys).toBeGreaterThanOrEqual(1);
    expect(summary.checkpoints).toBeGreaterThanOrEqual(1);

    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(decryptSecret(after.totpSecretEnc!, NEW_KEY)).toBe(
      decryptSecret(before.totpSecretEnc!, TEST_KEY),
    );
    expect(() => decryptSecret(after.totpSecretEnc!, TEST_KEY)).toThrow();
    const certificate = await db().signingCertificate.findFirstOrThrow({
      where: { organizationId: org.id },
    });
    expect(decryptSecret(certificate.privateKeyEnc!, NEW_KEY)).toContain("PRIVATE KEY");

    // The server's start with the old key is refused; with the new one it passes.
    await expect(verifyEncryptionKey(TEST_KEY)).rejects.toBeInstanceOf(EncryptionKeyMismatchError);
    expect(await verifyEncryptionKey(NEW_KEY)).toBe("verified");

    // Under the new key the audit trail verifies: checkpoints and certificate records included.
    process.env.ENCRYPTION_KEY = NEW_KEY;
    resetEnvForTests();
    const verdict = await verifyAuditTrail(db(), org.id);
    expect(verdict.problems).toEqual([]);
    expect(verdict.chain.ok).toBe(true);
    expect(verdict.checkpoints.verified).toBe(verdict.checkpoints.total);
    expect((await recordedSigningCertificates(db(), org.id)).forged).toEqual([]);
    const rotation = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: org.id, action: ROTATION_AUDIT_ACTION },
    });
    expect(JSON.parse(rotation.payload)).toEqual({ signingKeys: 1 });
    expect(await db().installation.findUnique({ where: { id: INSTALLATION_ID } })).not.toBeNull();
  });

  it("stops at a secret the current key cannot decrypt, and nothing changes", async () => {
    await freshInstallation();
    await verifyEncryptionKey(TEST_KEY);
    const org = await createOrganization();
    const { user } = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
    const stray = await createUser({ organizationId: org.id, role: "DPO" });
    await db().user.update({
      where: { id: stray.user.id },
      data: { totpSecretEnc: encryptSecret("written with another key", OTHER_KEY) },
    });
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    const keyCheck = (await db().installation.findUniqueOrThrow({ where: { id: INSTALLATION_ID } }))
      .keyCheck;
    const events = await db().auditEvent.count({ where: { organizationId: org.id } });

    await expect(rotateEncryptionKey({ oldKey: TEST_KEY, newKey: NEW_KEY })).rejects.toThrow(
      `user ${stray.user.id}'s TOTP secret cannot be decrypted with ENCRYPTION_KEY: nothing was changed`,
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).totpSecretEnc).toBe(
      before.totpSecretEnc,
    );
    expect(
      (await db().installation.findUniqueOrThrow({ where: { id: INSTALLATION_ID } })).keyCheck,
    ).toBe(keyCheck);
    expect(await db().auditEvent.count({ where: { organizationId: org.id } })).toBe(events);
    await db().user.update({ where: { id: stray.user.id }, data: { totpSecretEnc: null } });
  });
});
