import { describe, expect, it } from "vitest";
import { createMemberActor } from "../../../tests/support/assessment-factories";
import { createOrganization } from "../../../tests/support/factories";
import { DomainError } from "../../utils/errors";
import { createTemplate } from "./create-template.server";
import { formValuesOf } from "./draft-edits";
import { editTemplateDraft } from "./edit-template-draft.server";
import { findDraft } from "./find-template.server";

/**
 * The template editor's use case (issue 12, item 8: moved out of the route): it checks its own
 * envelope with its zod schema, applies the edit, detects a stale revision and hands back the
 * definition's errors without storing anything.
 */
async function writerWithTemplate() {
  const organization = await createOrganization();
  const org = { id: organization.id, slug: organization.slug, name: organization.name };
  const actor = await createMemberActor(org, "ASSESSOR", { mfaVerifiedAt: null });
  const other = await createMemberActor(
    { ...org, id: (await createOrganization()).id },
    "ASSESSOR",
    { mfaVerifiedAt: null },
  );
  const template = await createTemplate(actor, {
    key: `editor-${Date.now()}`,
    titleEn: "Editor probe",
    titleDe: "Editor-Probe",
  });
  return { actor, other, templateId: template.id };
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return formValuesOf(data);
}

const request = (templateId: string, fields: Record<string, string>) => {
  const values = form(fields);
  return {
    templateId,
    revision: values.get("revision"),
    intent: values.get("intent"),
    target: values.get("target") ?? "",
    values,
  };
};

async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("editTemplateDraft", () => {
  it("refuses an envelope no editor form sends: a clear VALIDATION error, nothing stored", async () => {
    const { actor, templateId } = await writerWithTemplate();
    const missingRevision = await domainErrorOf(
      editTemplateDraft(actor, request(templateId, { intent: "meta" })),
    );
    expect([missingRevision.code, missingRevision.message]).toEqual([
      "VALIDATION",
      "errors.draftRevisionMissing",
    ]);
    const unknownIntent = await domainErrorOf(
      editTemplateDraft(actor, request(templateId, { intent: "drop-table", revision: "1" })),
    );
    expect([unknownIntent.code, unknownIntent.message]).toEqual([
      "VALIDATION",
      "errors.unknownFormAction",
    ]);
    expect((await findDraft(templateId))!.revision).toBe(1);
  });

  it("applies an edit at the current revision, refuses the same revision again as a conflict", async () => {
    const { actor, templateId } = await writerWithTemplate();
    const edit = {
      intent: "meta",
      revision: "1",
      titleEn: "Renamed",
      titleDe: "Umbenannt",
      descriptionEn: "",
      descriptionDe: "",
    };
    expect(await editTemplateDraft(actor, request(templateId, edit))).toEqual({
      kind: "done",
      redirectTo: `/templates/${templateId}/edit`,
    });
    const draft = (await findDraft(templateId))!;
    expect([draft.revision, draft.definition.title.de]).toEqual([2, "Umbenannt"]);

    expect(await editTemplateDraft(actor, request(templateId, edit))).toEqual({
      kind: "refused",
      status: 409,
      problem: { key: "conflict", revision: 2 },
    });
    expect(
      await editTemplateDraft(
        actor,
        request(templateId, { intent: "delete-section", revision: "2", target: "no-such-section" }),
      ),
    ).toEqual({
      kind: "refused",
      status: 409,
      problem: { key: "conflictGone" },
    });
  });

  it("hands back the definition's errors and stores nothing; a foreign template is NOT_FOUND", async () => {
    const { actor, other, templateId } = await writerWithTemplate();
    const outcome = await editTemplateDraft(
      actor,
      request(templateId, {
        intent: "meta",
        revision: "1",
        titleEn: "",
        titleDe: "",
        descriptionEn: "",
        descriptionDe: "",
      }),
    );
    expect(outcome.kind).toBe("invalid");
    expect(outcome.kind === "invalid" && outcome.errors.map((e) => e.path)).toContain("title.en");
    expect((await findDraft(templateId))!.revision).toBe(1);
    expect(
      (
        await domainErrorOf(
          editTemplateDraft(other, request(templateId, { intent: "meta", revision: "1" })),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });
});
