import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createOrganization } from "../../../tests/support/factories";
import { createTemplateVersionRecord } from "../../../tests/support/vendor-factories";
import { loadTemplateVersion } from "./load-template-version.server";
import { loadPublishedDefinitions } from "./published-definitions.server";

/** Runs on SQLite (sqlite project) and on a real PostgreSQL (postgres project). */

const label = (en: string) => ({ en, de: en });
const DEFINITION = {
  key: "published-definitions-test",
  title: label("Test"),
  sections: [
    {
      key: "security",
      title: label("Security"),
      weight: 1,
      questions: [
        {
          key: "security.mfa",
          type: "yes_no",
          label: label("Do you enforce MFA?"),
          required: false,
        },
      ],
    },
  ],
};

async function versionWith(status: "PUBLISHED" | "DRAFT") {
  const org = await createOrganization();
  const version = await createTemplateVersionRecord({ organizationId: org.id });
  return db().templateVersion.update({
    where: { id: version.id },
    data: { status, definition: JSON.stringify(DEFINITION) },
  });
}

describe("loadPublishedDefinitions", () => {
  it("gives what loadTemplateVersion parses, frozen, and parses a published version once", async () => {
    const version = await versionWith("PUBLISHED");
    const first = (await loadPublishedDefinitions([version.id, version.id])).get(version.id)!;
    expect(first).toEqual((await loadTemplateVersion(version.id)).definition);
    expect(Object.isFrozen(first) && Object.isFrozen(first.sections[0])).toBe(true);
    expect((await loadPublishedDefinitions([version.id])).get(version.id)).toBe(first);
  });

  it("reads a draft afresh every time (a draft still changes)", async () => {
    const version = await versionWith("DRAFT");
    const before = (await loadPublishedDefinitions([version.id])).get(version.id)!;
    const changed = { ...DEFINITION, sections: [{ ...DEFINITION.sections[0]!, key: "privacy" }] };
    await db().templateVersion.update({
      where: { id: version.id },
      data: { definition: JSON.stringify(changed) },
    });
    const after = (await loadPublishedDefinitions([version.id])).get(version.id)!;
    expect(before.sections[0]!.key).toBe("security");
    expect(after.sections[0]!.key).toBe("privacy");
  });

  it("an unknown version is NOT_FOUND", async () => {
    await expect(loadPublishedDefinitions(["no-such-version"])).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
