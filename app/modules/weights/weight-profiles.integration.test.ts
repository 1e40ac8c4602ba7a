import { describe, expect, it } from "vitest";
import { DomainError } from "../../utils/errors";
import { db } from "../../utils/db.server";
import { createOrganization } from "../../../tests/support/factories";
import { createUserActor } from "../../../tests/support/vendor-factories";
import { weightsFromForm } from "./weight-profile-schema";
import {
  createWeightProfile,
  defaultWeightProfile,
  deleteWeightProfile,
  getWeightProfile,
  listWeightProfiles,
  setDefaultWeightProfile,
  updateWeightProfile,
} from "./weight-profiles.server";

const health = {
  name: "Health data",
  weights: {
    sectionWeights: { residency: 40, security: 20 },
    questionWeights: { "residency.storage_countries": 3 },
  },
};

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "none";
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
}

describe("weight profiles", () => {
  it("an admin creates, updates (with version check), makes default and deletes a profile, all audited", async () => {
    const org = await createOrganization();
    const admin = await createUserActor(org, "ADMIN");
    const profile = await createWeightProfile(admin, health);
    expect((await getWeightProfile(admin, profile.id)).weights.sectionWeights).toEqual({
      residency: 40,
      security: 20,
    });

    await updateWeightProfile(admin, profile.id, 1, {
      ...health,
      weights: { sectionWeights: { residency: 50 }, questionWeights: {} },
    });
    expect(await codeOf(updateWeightProfile(admin, profile.id, 1, health))).toBe("CONFLICT");
    expect((await getWeightProfile(admin, profile.id)).weights.sectionWeights).toEqual({
      residency: 50,
    });

    expect(await defaultWeightProfile(org.id)).toBeNull();
    await setDefaultWeightProfile(admin, profile.id);
    const other = await createWeightProfile(admin, {
      name: "Marketing",
      weights: { sectionWeights: { transparency: 30 }, questionWeights: {} },
    });
    await setDefaultWeightProfile(admin, other.id);
    const defaults = (await listWeightProfiles(admin)).filter((p) => p.isDefault);
    expect(defaults.map((p) => p.name)).toEqual(["Marketing"]);
    expect((await defaultWeightProfile(org.id))?.id).toBe(other.id);

    expect(await codeOf(createWeightProfile(admin, health))).toBe("CONFLICT");
    await deleteWeightProfile(admin, profile.id);
    expect((await listWeightProfiles(admin)).map((p) => p.name)).toEqual(["Marketing"]);

    const actions = (
      await db().auditEvent.findMany({ where: { organizationId: org.id }, orderBy: { seq: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual([
      "weights.profile_created",
      "weights.profile_updated",
      "weights.default_changed",
      "weights.profile_created",
      "weights.default_changed",
      "weights.profile_deleted",
    ]);
  });

  it("only admins manage profiles, and other organisations get NOT_FOUND", async () => {
    const orgA = await createOrganization();
    const orgB = await createOrganization();
    const adminA = await createUserActor(orgA, "ADMIN");
    const assessorA = await createUserActor(orgA, "ASSESSOR");
    const adminB = await createUserActor(orgB, "ADMIN");
    const profile = await createWeightProfile(adminA, health);
    expect(await codeOf(createWeightProfile(assessorA, { ...health, name: "x" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(getWeightProfile(adminB, profile.id))).toBe("NOT_FOUND");
    expect(await codeOf(updateWeightProfile(adminB, profile.id, 1, health))).toBe("NOT_FOUND");
    expect(await codeOf(setDefaultWeightProfile(adminB, profile.id))).toBe("NOT_FOUND");
    expect(await codeOf(deleteWeightProfile(adminB, profile.id))).toBe("NOT_FOUND");
    expect((await getWeightProfile(adminA, profile.id)).version).toBe(1);
  });
});

describe("weightsFromForm", () => {
  const form = (entries: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  };

  it("reads section fields and question lines, ignoring empty ones", () => {
    expect(
      weightsFromForm(
        form([
          ["section.residency", "2,5"],
          ["section.security", ""],
          ["questionWeights", "a.b = 3\n\nc.d: 0.5"],
        ]),
      ),
    ).toEqual({
      ok: true,
      weights: { sectionWeights: { residency: 2.5 }, questionWeights: { "a.b": 3, "c.d": 0.5 } },
    });
  });

  it("reports too large weights on their field with the bound, and keys weights may not have", () => {
    expect(weightsFromForm(form([["section.residency", "5000"]]))).toEqual({
      ok: false,
      errors: { "section.residency": { key: "weights.weightTooLarge", params: { max: 1000 } } },
    });
    expect(weightsFromForm(form([["questionWeights", `${"a".repeat(130)} = 2`]]))).toEqual({
      ok: false,
      errors: { questionWeights: { key: "weights.weightKeyInvalid" } },
    });
  });

  it("reports negative numbers, unreadable lines and all-zero sections", () => {
    expect(weightsFromForm(form([["section.residency", "-1"]]))).toEqual({
      ok: false,
      errors: { "section.residency": { key: "weights.weightNegative" } },
    });
    expect(weightsFromForm(form([["questionWeights", "a.b = 1\nnonsense"]]))).toEqual({
      ok: false,
      errors: { questionWeights: { key: "weights.questionLineInvalid", params: { line: 2 } } },
    });
    expect(
      weightsFromForm(
        form([
          ["section.a", "0"],
          ["section.b", "0"],
        ]),
      ),
    ).toEqual({ ok: false, errors: { sectionWeights: { key: "weights.weightsAllZero" } } });
  });
});

describe("weight profile input with readable messages", () => {
  async function keyOf(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    return error instanceof DomainError
      ? { code: error.code, key: error.key, params: error.params }
      : String(error);
  }

  it("each rule the use case refuses names its own message key (with its bound), not a generic one", async () => {
    const org = await createOrganization();
    const admin = await createUserActor(org, "ADMIN");
    const withWeights = (
      sectionWeights: Record<string, number>,
      questionWeights: Record<string, number> = {},
    ) => ({ name: "P", weights: { sectionWeights, questionWeights } });
    expect(await keyOf(createWeightProfile(admin, withWeights({ security: -1 })))).toMatchObject({
      code: "VALIDATION",
      key: "weights.weightNegative",
    });
    expect(await keyOf(createWeightProfile(admin, withWeights({ security: 5000 })))).toMatchObject({
      code: "VALIDATION",
      key: "weights.weightTooLarge",
      params: { max: 1000 },
    });
    expect(
      await keyOf(createWeightProfile(admin, withWeights({ security: 0, residency: 0 }))),
    ).toMatchObject({ code: "VALIDATION", key: "weights.weightsAllZero" });
    expect(
      await keyOf(createWeightProfile(admin, withWeights({}, { ["Q".repeat(3)]: 1 }))),
    ).toMatchObject({ code: "VALIDATION", key: "weights.weightKeyInvalid" });
    expect(
      await keyOf(
        createWeightProfile(admin, {
          name: "",
          weights: { sectionWeights: {}, questionWeights: {} },
        }),
      ),
    ).toMatchObject({ code: "VALIDATION", key: "weights.nameRequired" });
    expect(
      await keyOf(
        createWeightProfile(admin, {
          name: "P",
          description: "x".repeat(501),
          weights: { sectionWeights: {}, questionWeights: {} },
        }),
      ),
    ).toMatchObject({ code: "VALIDATION", key: "errors.tooLong", params: { max: 500 } });
    expect(await db().weightProfile.count({ where: { organizationId: org.id } })).toBe(0);
  });
});
