import type { ChapterContext } from "./chapter-context";
import { drawTable } from "./table";

/** AI assistance, the audit-chain head at signing time and how to verify the file. */
export function drawAiAssistance({ layout, input, t }: ChapterContext): void {
  layout.chapter(t("chapterAi"), { keepWith: 30 });
  if (!input.aiAssistance || input.aiAssistance.length === 0) {
    layout.text(t("aiNone"), { after: 8 });
    return;
  }
  layout.text(t("aiIntro"), { after: 4 });
  for (const statement of input.aiAssistance) layout.listItem("•", statement);
}

export function drawAuditHead({ layout, input, t }: ChapterContext): void {
  layout.chapter(t("chapterAudit"));
  layout.text(t("auditIntro"), { after: 6 });
  drawTable(
    layout,
    [
      { header: "", width: 0.25, bold: true },
      { header: "", width: 0.75 },
    ],
    [
      [t("auditSeq"), String(input.auditHead.seq)],
      [t("auditHash"), input.auditHead.hash],
    ],
    // 8.5 pt keeps the 64 hex digits of the hash on one line (easier to compare and copy).
    { header: false, size: 8.5 },
  );
}

export function drawVerification({ layout, input, t }: ChapterContext): void {
  layout.chapter(t("chapterVerification"));
  layout.text(t("verifyIntro", { organization: input.organizationName }), { after: 6 });
  layout.listItem("1.", t("verifyStep1", { url: input.verifyUrl }));
  layout.listItem("2.", t("verifyStep2"));
  layout.listItem("3.", t("verifyStep3"));
}
