import type { ChapterContext } from "./chapter-context";
import { drawTable } from "./table";

/**
 * Every answer by section, with points, regulation references and the evidence files (name and
 * SHA-256, so a file in the archive can be matched to the report), then the reference summary.
 */
export function drawAnswers({ layout, input, t }: ChapterContext): void {
  layout.chapter(t("chapterAnswers"), { newPage: true });
  for (const section of input.answers) {
    layout.subheading(section.title);
    if (section.answers.length === 0) {
      layout.text(t("noAnswers"), { after: 8 });
      continue;
    }
    drawTable(
      layout,
      [
        { header: t("question"), width: 0.36 },
        { header: t("answer"), width: 0.38 },
        { header: t("points"), width: 0.09, align: "right" },
        { header: t("references"), width: 0.17 },
      ],
      section.answers.map((answer) => {
        const evidence = answer.evidence.map(
          (file) => `• ${t("evidenceFile", { file: file.fileName, hash: file.sha256 })}`,
        );
        const answered = answer.reason ? `${answer.answer}\n${answer.reason}` : answer.answer;
        const answerCell =
          evidence.length > 0 ? `${answered}\n${t("evidence")}:\n${evidence.join("\n")}` : answered;
        return [answer.question, answerCell, answer.points, answer.references.join("\n")];
      }),
      { size: 8 },
    );
  }
}

export function drawReferences({ layout, input, t }: ChapterContext): void {
  layout.chapter(t("chapterReferences"));
  if (input.references.length === 0) {
    layout.text(t("noReferences"), { after: 8 });
    return;
  }
  drawTable(
    layout,
    [
      { header: t("reference"), width: 0.75 },
      { header: t("questionCount"), width: 0.25, align: "right" },
    ],
    input.references.map((reference) => [reference.reference, String(reference.questionCount)]),
  );
}

/**
 * The catalogue the report judged by and, per question with links, the linked provisions as in
 * force on the assessment date (issue 14 item 9). Reports recorded before have no catalogue.
 */
export function drawLinkedProvisions({ layout, input, t }: ChapterContext): void {
  if (!input.catalogue) return;
  layout.chapter(t("chapterProvisions"));
  layout.text(
    t("catalogueUsed", {
      version: input.catalogue.version,
      sha256: input.catalogue.sha256,
      date: input.catalogue.onDate,
    }),
    { after: 8 },
  );
  const rows = input.answers.flatMap((section) =>
    section.answers.flatMap((answer) =>
      (answer.provisions ?? []).map((p, index) => [
        index === 0 ? answer.question : "",
        `${p.provision}\n${p.instrument}`,
        p.status,
      ]),
    ),
  );
  if (rows.length === 0) {
    layout.text(t("noLinkedProvisions"), { after: 8 });
    return;
  }
  drawTable(
    layout,
    [
      { header: t("question"), width: 0.32 },
      { header: t("provisionColumn"), width: 0.46 },
      { header: t("applicabilityColumn"), width: 0.22 },
    ],
    rows,
    { size: 8 },
  );
}
