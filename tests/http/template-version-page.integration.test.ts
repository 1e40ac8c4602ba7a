import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installBundledTemplates } from "../../app/modules/questionnaires/bundled-templates.server";
import { loadTemplateVersion } from "../../app/modules/questionnaires/load-template-version.server";
import type { TemplateDefinition } from "../../app/modules/questionnaires/template-definition";
import { questionCitations } from "../../app/modules/regulations/citations/question-citations";
import { db } from "../../app/utils/db.server";
import type { Locale } from "../../app/utils/i18n";
import { inTransaction } from "../../app/utils/transaction.server";
import { createMemberActor } from "../support/assessment-factories";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";
import { decodeEntities } from "./http-fixtures";

/**
 * The read-only page of a template version (issue 15 item 8) over the real HTTP stack, without
 * JavaScript: for every bundled template, every section, question, help text, option label,
 * condition (naming the question it depends on by its label), knock-out and reference (as a
 * citation) is on the page in German and in English; option and question keys are not; a foreign
 * organisation's template or another template's version is 404; the export still downloads.
 */
let app: AppServer;
let reader: HttpClient;
let otherReader: HttpClient;
const versions: { templateId: string; versionId: string; key: string }[] = [];

beforeAll(async () => {
  app = await startAppServer();
  const org = await createOrganization();
  const other = await createOrganization();
  const admin = await createMemberActor({ id: org.id, slug: org.slug }, "ADMIN");
  await inTransaction((tx) => installBundledTemplates(tx, admin));
  const auditor = await createUser({ organizationId: org.id, role: "AUDITOR" });
  const stranger = await createUser({ organizationId: other.id, role: "ASSESSOR" });
  reader = createClient(app.baseUrl);
  await reader.login(auditor.user.email, auditor.password);
  otherReader = createClient(app.baseUrl);
  await otherReader.login(stranger.user.email, stranger.password);
  const rows = await db().templateVersion.findMany({
    where: { status: "PUBLISHED", template: { organizationId: org.id } },
    select: { id: true, templateId: true, template: { select: { key: true } } },
  });
  for (const row of rows)
    versions.push({ templateId: row.templateId, versionId: row.id, key: row.template.key });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

/** What a reader sees: the body without scripts, tags and React's text separators. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf("<body"));
  return decodeEntities(
    body
      .replace(/<script[\s\S]*?<\/script>/g, "")
      .replace(/<!-- -->/g, "")
      .replace(/<[^>]+>/g, "\n"),
  );
}

/** Every text of the definition a reader must find, in `locale`. */
function expectedTexts(definition: TemplateDefinition, locale: Locale): string[] {
  const byKey = new Map(definition.sections.flatMap((s) => s.questions.map((q) => [q.key, q])));
  const texts = [definition.title[locale]];
  for (const section of definition.sections) {
    texts.push(section.title[locale]);
    if (section.description) texts.push(section.description[locale]);
    for (const question of section.questions) {
      texts.push(question.label[locale]);
      if (question.help) texts.push(question.help[locale]);
      for (const option of question.options ?? []) texts.push(option.label[locale]);
      if (question.knockOut) texts.push(question.knockOut.label[locale]);
      if (question.indicator) texts.push(question.indicator.rule[locale]);
      const showIf = question.showIf;
      const leaves = !showIf
        ? []
        : "all" in showIf
          ? showIf.all
          : "any" in showIf
            ? showIf.any
            : [showIf];
      for (const leaf of leaves) {
        const source = byKey.get(leaf.question)!;
        // The condition names its question by the label and its values by their option labels.
        texts.push(
          `${locale === "de" ? "„" : "“"}${source.label[locale]}${locale === "de" ? "“" : "”"}`,
        );
        for (const value of leaf.in) {
          const option = source.options?.find((o) => o.value === value);
          if (option) texts.push(option.label[locale]);
        }
      }
      texts.push(...questionCitations(question, locale));
    }
  }
  return texts;
}

describe("the read-only page of a template version", () => {
  it("shows every question, option, condition, knock-out and reference in German and English", async () => {
    expect(versions.map((v) => v.key).sort()).toEqual([
      "ai-transparency-indicators",
      "ai-vendor-due-diligence",
      "data-residency-transfers",
    ]);
    for (const { templateId, versionId, key } of versions) {
      const { definition } = await loadTemplateVersion(versionId);
      for (const locale of ["de", "en"] as const) {
        const page = await reader.get(
          `/templates/${templateId}/versions/${versionId}?lang=${locale}`,
        );
        expect(page.status, `${key} (${locale})`).toBe(200);
        const text = visibleText(page.body);
        const missing = expectedTexts(definition, locale).filter((t) => !text.includes(t));
        expect(missing, `${key} (${locale}): texts missing from the page`).toEqual([]);
        // Keys are internal: neither an option's value nor a question's key is shown.
        const keys = definition.sections.flatMap((s) =>
          s.questions.flatMap((q) => [
            q.key,
            ...(q.options ?? []).map((o) => o.value).filter((v) => v.includes("_")),
          ]),
        );
        const shown = keys.filter((k) =>
          new RegExp(`(^|[^\\w.])${k.replace(/\./g, "\\.")}($|[^\\w.])`).test(text),
        );
        expect(shown, `${key} (${locale}): keys shown`).toEqual([]);
      }
    }
  }, 120_000);

  it("describes scoring in words: option points, thresholds and the rule of a yes/no question", async () => {
    const dd = versions.find((v) => v.key === "ai-vendor-due-diligence")!;
    const en = visibleText(
      (await reader.get(`/templates/${dd.templateId}/versions/${dd.versionId}?lang=en`)).body,
    );
    expect(en).toContain("Yes: full points; partly: half the points; no: no points.");
    // security.vulnerability_patch_days: steps at 0, 8, 31 and 91 days.
    expect(en).toContain("0 to under 8 days: full points; 8 to under 31 days: 60 % of the points");
    const de = visibleText(
      (await reader.get(`/templates/${dd.templateId}/versions/${dd.versionId}?lang=de`)).body,
    );
    expect(de).toContain(
      "0 bis unter 8 Tage: volle Punktzahl; 8 bis unter 31 Tage: 60 % der Punkte",
    );
    expect(de).toContain("Wird nur angezeigt, wenn");
    expect(de).not.toContain("Shown only if");
  });

  it("shows the reader's language by default, and an unknown ?lang in it with a notice", async () => {
    const dd = versions.find((v) => v.key === "ai-vendor-due-diligence")!;
    const { definition } = await loadTemplateVersion(dd.versionId);
    const plain = await reader.get(`/templates/${dd.templateId}/versions/${dd.versionId}`);
    expect(plain.status).toBe(200);
    expect(visibleText(plain.body)).toContain(definition.sections[0]!.title.en);
    const odd = await reader.get(`/templates/${dd.templateId}/versions/${dd.versionId}?lang=fr`);
    expect(odd.status).toBe(200);
    expect(visibleText(odd.body)).toContain("Unknown language “fr”");
    expect(visibleText(odd.body)).toContain(definition.sections[0]!.title.en);
  });

  it("is linked from the template's versions, and the export beside it still downloads", async () => {
    const dd = versions.find((v) => v.key === "ai-vendor-due-diligence")!;
    const page = await reader.get(`/templates/${dd.templateId}`);
    expect(page.body).toContain(`href="/templates/${dd.templateId}/versions/${dd.versionId}"`);
    const file = await reader.get(
      `/templates/${dd.templateId}/versions/${dd.versionId}/export?format=json`,
    );
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain("attachment");
  });

  it("is 404 for another organisation's template and for a version of another template", async () => {
    const [first, second] = versions;
    const foreign = await otherReader.get(
      `/templates/${first!.templateId}/versions/${first!.versionId}`,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body).not.toContain("AI vendor due diligence");
    const crossed = await reader.get(
      `/templates/${first!.templateId}/versions/${second!.versionId}`,
    );
    expect(crossed.status).toBe(404);
    const nonsense = await reader.get(`/templates/${first!.templateId}/versions/${"x".repeat(80)}`);
    expect(nonsense.status).toBe(404);
  });
});
