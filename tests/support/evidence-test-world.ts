// Test-only: an organisation with assessments on the small evidence template
// (evidence-test-template.ts), invited through the real use cases.
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { createInviteLink } from "../../app/modules/assessments/create-invite-link.server";
import { startAssessment } from "../../app/modules/assessments/start-assessment.server";
import type { UserActor, VendorActor } from "../../app/modules/auth/actor";
import { db } from "../../app/utils/db.server";
import { sha256Hex } from "../../app/utils/crypto.server";
import { createOrganization, createVendor } from "./factories";
import { createMemberActor } from "./assessment-factories";
import { createEvidenceTemplateVersion } from "./evidence-test-template";

const suffix = () => randomBytes(4).toString("hex");

export interface EvidenceWorld {
  org: { id: string; slug: string; name: string };
  assessor: UserActor;
  auditor: UserActor;
  assessmentId: string;
  inviteId: string;
  vendor: VendorActor;
  /** Another assessment of the same organisation with its own invited contact. */
  other: { assessmentId: string; vendor: VendorActor };
}

async function invitedAssessment(assessor: UserActor, vendorId: string, templateVersionId: string) {
  const assessment = await startAssessment(assessor, {
    vendorId,
    templateVersionId,
    title: `Evidence ${suffix()}`,
  });
  const contactEmail = `security-${suffix()}@vendor.example`;
  const invite = await createInviteLink(assessor, assessment.id, { contactEmail, locale: "en" });
  const vendor: VendorActor = {
    kind: "vendor",
    organizationId: assessor.organizationId,
    inviteLinkId: invite.inviteId,
    assessmentId: assessment.id,
    email: contactEmail,
    ip: "203.0.113.9",
  };
  return { assessmentId: assessment.id, inviteId: invite.inviteId, vendor };
}

export async function createEvidenceWorld(): Promise<EvidenceWorld> {
  const organization = await createOrganization();
  const org = { id: organization.id, slug: organization.slug, name: organization.name };
  const assessor = await createMemberActor(org, "ASSESSOR");
  const auditor = await createMemberActor(org, "AUDITOR");
  const vendorRow = await createVendor({ organizationId: org.id, name: `Vendor ${suffix()}` });
  const version = await createEvidenceTemplateVersion(org.id);
  const main = await invitedAssessment(assessor, vendorRow.id, version.id);
  const other = await invitedAssessment(assessor, vendorRow.id, version.id);
  return {
    org,
    assessor,
    auditor,
    ...main,
    other: { assessmentId: other.assessmentId, vendor: other.vendor },
  };
}

/**
 * A verified vendor session for an invite, written straight to the database (what the invite
 * exchange and the e-mailed code would produce), and the cookie value that carries it.
 */
export async function vendorSessionCookieValue(vendor: VendorActor): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db().vendorSession.create({
    data: {
      id: sha256Hex(token),
      organizationId: vendor.organizationId,
      inviteLinkId: vendor.inviteLinkId,
      expiresAt: new Date(Date.now() + 3600_000),
      verifiedAt: new Date(),
    },
  });
  // Remix's unsigned cookie encoding: base64 of the JSON value, URI-encoded.
  return encodeURIComponent(Buffer.from(JSON.stringify(token), "utf8").toString("base64"));
}

/** Every file below a directory (recursively), to check what reached the disk. */
export async function filesBelow(dir: string): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesBelow(full)));
    else found.push(full);
  }
  return found;
}
