import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  createAssessmentScenario,
  createMemberActor,
  BUNDLED_TEMPLATE_KEY,
} from "../../../tests/support/assessment-factories";
import { createOrganization } from "../../../tests/support/factories";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { verifyAuditChain } from "../audit/verify-audit-chain.server";
import { startAssessment } from "../assessments/start-assessment.server";
import { installBundledTemplates } from "../questionnaires/bundled-templates.server";
import { parseStoredDefinition } from "../questionnaires/load-template-version.server";
import { createTemplate } from "./create-template.server";
import { discardTemplateDraft } from "./discard-template-draft.server";
import { exportTemplateVersion } from "./export-template-version.server";
import { findDraft } from "./find-template.server";
import { importTemplate } from "./import-template.server";
import { latestPublishedVersions } from "./list-templates.server";
import { publishTemplateDraft } from "./publish-template-draft.server";
import { saveTemplateDraft } from "./save-template-draft.server";
import { startTemplateDraft } from "./start-template-draft.server";
import { serializeTemplate } from "./template-file";

const root = path.resolve(import.meta.dirname, "../../..");

async function orgWithWriter() {
  const organization = await createOrganization();
  const org = { id: organization.id, slug: organization.slug, name: organization.name };
  const assessor = await createMemberActor(org, "ASSESSOR", { mfaVerifiedAt: null });
  return { org, assessor };
}

const expectDomainError = async (promise: Promise<unknown>, code: string) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
};

describe("template drafts and versions", () => {
  it("edits a draft with optimistic concurrency, publishes it, and keeps assessments on their version", async () => {
    const s = await createAssessmentScenario();
    const template = await db().questionnaireTemplate.findFirstOrThrow({
      where: { organizationId: s.org.id, key: BUNDLED_TEMPLATE_KEY },
    });
    const v1 = await db().templateVersion.findFirstOrThrow({
      where: { templateId: template.id, status: "PUBLISHED" },
    });

    const started = await startTemplateDraft(s.assessor, { templateId: template.id });
    expect(started).toMatchObject({ version: 2, created: true });
    // A second start returns the same open draft.
    expect(await startTemplateDraft(s.admin, { templateId: template.id })).toMatchObject({
      id: started.id,
      created: false,
    });

    // Publishing an unchanged draft is refused.
    await expectDomainError(
      publishTemplateDraft(s.assessor, { templateId: template.id, revision: 1 }),
      "INVALID_STATE",
    );

    const draft = (await findDraft(template.id))!;
    const edited = structuredClone(draft.definition);
    edited.sections[0]!.questions[0]!.label.en = "Edited label";
    expect(
      await saveTemplateDraft(s.assessor, {
        templateId: template.id,
        revision: 1,
        definition: edited,
        change: "test",
      }),
    ).toEqual({
      ok: true,
      revision: 2,
      unchanged: false,
    });

    // A colleague still on revision 1 gets a CONFLICT, and nothing of theirs is stored.
    const stale = structuredClone(draft.definition);
    stale.sections[0]!.questions[0]!.label.en = "Stale label";
    const conflict = await expectDomainError(
      saveTemplateDraft(s.admin, {
        templateId: template.id,
        revision: 1,
        definition: stale,
        change: "test",
      }),
      "CONFLICT",
    );
    expect(conflict).toMatchObject({ key: "errors.draftChangedRevision", params: { revision: 2 } });
    expect((await findDraft(template.id))!.definition.sections[0]!.questions[0]!.label.en).toBe(
      "Edited label",
    );

    // An invalid definition comes back with its paths, and nothing is stored.
    const invalid = structuredClone(edited) as unknown as { sections: { questions: unknown[] }[] };
    invalid.sections[1]!.questions = [];
    expect(
      await saveTemplateDraft(s.assessor, {
        templateId: template.id,
        revision: 2,
        definition: invalid,
        change: "test",
      }),
    ).toEqual({
      ok: false,
      errors: [
        {
          path: "sections[1].questions",
          key: "templateErrors.sectionNoQuestions",
          params: { min: 1 },
          message: "a section needs at least one question",
        },
      ],
    });
    await expectDomainError(
      publishTemplateDraft(s.assessor, { templateId: template.id, revision: 1 }),
      "CONFLICT",
    );

    const published = await publishTemplateDraft(s.assessor, {
      templateId: template.id,
      revision: 2,
    });
    expect(published.version).toBe(2);
    const v2 = await db().templateVersion.findUniqueOrThrow({ where: { id: published.id } });
    expect(v2).toMatchObject({ status: "PUBLISHED", origin: "editor" });
    expect(v2.publishedAt).not.toBeNull();

    // v1 is untouched and the existing assessment still pins it; new assessments are offered v2.
    expect(await db().templateVersion.findUniqueOrThrow({ where: { id: v1.id } })).toEqual(v1);
    expect(
      (await db().assessment.findUniqueOrThrow({ where: { id: s.assessment.id } }))
        .templateVersionId,
    ).toBe(v1.id);
    expect((await latestPublishedVersions(s.assessor)).map((v) => v.id)).toContain(v2.id);
    expect((await latestPublishedVersions(s.assessor)).map((v) => v.id)).not.toContain(v1.id);
    const next = await startAssessment(s.assessor, {
      vendorId: s.vendor.id,
      templateVersionId: v2.id,
      title: "second",
    });
    expect(next.templateVersionId).toBe(v2.id);

    // Published versions are never edited: there is no draft to save to any more.
    await expectDomainError(
      saveTemplateDraft(s.assessor, {
        templateId: template.id,
        revision: 3,
        definition: edited,
        change: "x",
      }),
      "CONFLICT",
    );

    const actions = (
      await db().auditEvent.findMany({
        where: { organizationId: s.org.id },
        select: { action: true },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "template.draft_started",
        "template.draft_saved",
        "template.published",
      ]),
    );
    expect(await verifyAuditChain(db(), s.org.id)).toMatchObject({ ok: true });
  });

  it("creates an empty template, refuses a taken key, discards drafts only at the seen revision", async () => {
    const { org, assessor } = await orgWithWriter();
    const auditor = await createMemberActor(org, "AUDITOR", { mfaVerifiedAt: null });
    await expectDomainError(
      createTemplate(auditor, { key: "mine", titleEn: "Mine", titleDe: "Meins" }),
      "FORBIDDEN",
    );
    const created = await createTemplate(assessor, {
      key: "mine",
      titleEn: "Mine",
      titleDe: "Meins",
    });
    await expectDomainError(
      createTemplate(assessor, { key: "mine", titleEn: "Again", titleDe: "Nochmal" }),
      "CONFLICT",
    );
    const draft = (await findDraft(created.id))!;
    expect(draft.definition.sections[0]!.questions).toHaveLength(1);
    await expectDomainError(
      discardTemplateDraft(assessor, { templateId: created.id, revision: 7 }),
      "CONFLICT",
    );
    await discardTemplateDraft(assessor, { templateId: created.id, revision: draft.revision });
    expect(await findDraft(created.id)).toBeNull();
    // Other organisations' templates do not exist for this actor.
    const other = await orgWithWriter();
    await expectDomainError(
      startTemplateDraft(other.assessor, { templateId: created.id }),
      "NOT_FOUND",
    );
    const actions = (
      await db().auditEvent.findMany({
        where: { organizationId: org.id },
        select: { action: true },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["template.created", "template.draft_discarded"]);
  });
});

describe("template import and export", () => {
  it("export → import gives the same checksum, as a new template and as a draft of the same key", async () => {
    const s = await createAssessmentScenario();
    const version = await db().templateVersion.findFirstOrThrow({
      where: {
        status: "PUBLISHED",
        template: { organizationId: s.org.id, key: BUNDLED_TEMPLATE_KEY },
      },
      include: { template: true },
    });
    for (const format of ["json", "yaml"] as const) {
      const file = await exportTemplateVersion(s.auditor, {
        templateId: version.templateId,
        versionId: version.id,
        format,
      });
      expect(file.fileName).toBe(`${BUNDLED_TEMPLATE_KEY}-v1.${format}`);
      const target = await orgWithWriter();
      const imported = await importTemplate(target.assessor, {
        text: file.body,
        format,
        mode: "new",
      });
      expect(imported).toMatchObject({ ok: true, outcome: "created", checksum: version.checksum });
    }

    // Same key in the same organisation: "new" is refused; "draft" opens a draft with the same checksum.
    const file = await exportTemplateVersion(s.assessor, {
      templateId: version.templateId,
      versionId: version.id,
      format: "yaml",
    });
    await expectDomainError(
      importTemplate(s.assessor, { text: file.body, mode: "new" }),
      "CONFLICT",
    );
    const asDraft = await importTemplate(s.assessor, { text: file.body, mode: "draft" });
    expect(asDraft).toMatchObject({
      ok: true,
      outcome: "draft",
      version: 2,
      checksum: version.checksum,
    });
    await expectDomainError(
      importTemplate(s.assessor, { text: file.body, mode: "draft" }),
      "CONFLICT",
    );
    expect(
      (
        await db().templateVersion.findFirstOrThrow({
          where: { templateId: version.templateId, version: 2 },
        })
      ).origin,
    ).toBe("import");

    // Broken files change nothing and name the path.
    const before = await db().templateVersion.count();
    const broken = await importTemplate(s.assessor, {
      text: file.body.replace(/^key: .*$/m, "key: Not Kebab"),
      mode: "auto",
    });
    expect(broken).toEqual({
      ok: false,
      errors: [
        {
          path: "key",
          key: "templateErrors.templateKeyPattern",
          message: "template key must be kebab-case (a–z, 0–9, '-')",
        },
      ],
    });
    expect(await db().templateVersion.count()).toBe(before);
  });

  it("the CLI exports and imports templates and exits 1 with path messages on a broken file", async () => {
    const s = await createAssessmentScenario();
    const dir = mkdtempSync(path.join(tmpdir(), "vetted-template-"));
    const vetted = (args: string[]) => {
      const result = spawnSync(
        path.join(root, "node_modules/.bin/tsx"),
        ["cli/vetted.ts", ...args],
        { cwd: root, encoding: "utf8", env: process.env, timeout: 60_000 },
      );
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const out = path.join(dir, "export.yaml");
    const exported = vetted([
      "template",
      "export",
      "--org",
      s.org.slug,
      "--key",
      BUNDLED_TEMPLATE_KEY,
      "--out",
      out,
    ]);
    expect(exported.stderr).toContain(`wrote ${BUNDLED_TEMPLATE_KEY}-v1.yaml`);
    expect(exported.code).toBe(0);
    const json = vetted([
      "template",
      "export",
      "--org",
      s.org.slug,
      "--key",
      BUNDLED_TEMPLATE_KEY,
      "--version",
      "1",
      "--format",
      "json",
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).key).toBe(BUNDLED_TEMPLATE_KEY);

    const target = await createOrganization();
    const imported = vetted(["template", "import", out, "--org", target.slug, "--publish"]);
    const source = await db().templateVersion.findFirstOrThrow({
      where: {
        status: "PUBLISHED",
        template: { organizationId: s.org.id, key: BUNDLED_TEMPLATE_KEY },
      },
    });
    expect(imported.stdout).toBe(
      `${BUNDLED_TEMPLATE_KEY}: published version 1 (checksum ${source.checksum})\n`,
    );
    expect(imported.code).toBe(0);
    const again = vetted(["template", "import", out, "--org", target.slug, "--publish"]);
    expect(again.stdout).toContain("unchanged, already published as version 1");

    const brokenPath = path.join(dir, "broken.yaml");
    const text = readFileSync(out, "utf8");
    const definition = parseStoredDefinition(JSON.stringify((await import("yaml")).parse(text)));
    const choice = definition.sections[2]!.questions.findIndex((q) => q.type === "single_choice");
    definition.sections[2]!.questions[choice]!.options = definition.sections[2]!.questions[
      choice
    ]!.options!.slice(0, 1);
    writeFileSync(brokenPath, serializeTemplate(definition, "yaml"));
    const broken = vetted(["template", "import", brokenPath, "--org", target.slug]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(
      `sections[2].questions[${choice}].options: single_choice questions need at least 2 options`,
    );

    writeFileSync(path.join(dir, "syntax.json"), '{\n  "key": \n}');
    const syntax = vetted([
      "template",
      "import",
      path.join(dir, "syntax.json"),
      "--org",
      target.slug,
    ]);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain("invalid JSON at line 3, column 1");

    expect(vetted(["template", "import", out]).code).toBe(2);
    const unknown = vetted([
      "template",
      "export",
      "--org",
      target.slug,
      "--key",
      "no-such-template",
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Template “no-such-template” has no published version.");
  }, 120_000);
});

describe("bundled templates", () => {
  it("publish a changed bundled definition, but never over an organisation's own later version", async () => {
    const { org, assessor } = await orgWithWriter();
    await inTransaction((tx) => installBundledTemplates(tx, assessor));
    const template = await db().questionnaireTemplate.findFirstOrThrow({
      where: { organizationId: org.id, key: BUNDLED_TEMPLATE_KEY },
    });
    const v1 = await db().templateVersion.findFirstOrThrow({
      where: { templateId: template.id, version: 1 },
    });

    // Simulate an older bundled release: the stored bundled version differs from today's file.
    const older = parseStoredDefinition(v1.definition);
    older.sections[0]!.questions[0]!.label.en = "An older wording";
    await db().templateVersion.update({
      where: { id: v1.id },
      data: { definition: JSON.stringify(older), checksum: "older" },
    });
    await inTransaction((tx) => installBundledTemplates(tx, assessor));
    const afterSync = await db().templateVersion.findMany({
      where: { templateId: template.id },
      orderBy: { version: "asc" },
    });
    expect(afterSync.map((v) => [v.version, v.origin])).toEqual([
      [1, "bundled"],
      [2, "bundled"],
    ]);

    // The organisation publishes its own edit; a later bundled change must not overwrite it.
    await startTemplateDraft(assessor, { templateId: template.id });
    const draft = (await findDraft(template.id))!;
    draft.definition.sections[0]!.questions[0]!.label.en = "Our own wording";
    await saveTemplateDraft(assessor, {
      templateId: template.id,
      revision: draft.revision,
      definition: draft.definition,
      change: "test",
    });
    await publishTemplateDraft(assessor, { templateId: template.id, revision: draft.revision + 1 });
    await db().templateVersion.update({
      where: { templateId_version: { templateId: template.id, version: 2 } },
      data: { checksum: "older-again" },
    });
    expect(await inTransaction((tx) => installBundledTemplates(tx, assessor))).toBe(0);
    const final = await db().templateVersion.findMany({
      where: { templateId: template.id },
      orderBy: { version: "asc" },
    });
    expect(final.map((v) => [v.version, v.origin])).toEqual([
      [1, "bundled"],
      [2, "bundled"],
      [3, "editor"],
    ]);
    expect(parseStoredDefinition(final[2]!.definition).sections[0]!.questions[0]!.label.en).toBe(
      "Our own wording",
    );
  });
});
