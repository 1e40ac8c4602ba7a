import { translate, type Locale } from "../../../utils/i18n";
import type { OutgoingMail } from "../../mail/send-mail.server";
import { changeTypeLabel, instrumentTitle, legalStatusLabel } from "../change-feed-documents";
import type { ChangeEventRow } from "../list-change-events.server";

export interface DigestSections {
  detected: ChangeEventRow[];
  effective: ChangeEventRow[];
  pending: ChangeEventRow[];
}

export interface DigestMailInput {
  locale: Locale;
  to: string;
  name: string;
  organizationId: string;
  organizationName: string;
  appUrl: string;
  from: Date;
  to_: Date;
  sections: DigestSections;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The weekly digest in the recipient's language: plain text, one block per section, with links. */
export function composeRegulationDigestMail(input: DigestMailInput): OutgoingMail {
  const { locale } = input;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const count =
    input.sections.detected.length +
    input.sections.effective.length +
    input.sections.pending.length;
  const lines = [
    t("regulationChanges.digestGreeting", { name: input.name }),
    "",
    t("regulationChanges.digestIntro", {
      organization: input.organizationName,
      from: day(input.from),
      to: day(input.to_),
    }),
  ];
  const block = (heading: Parameters<typeof translate>[1], rows: ChangeEventRow[]) => {
    if (rows.length === 0) return;
    lines.push("", t(heading));
    for (const row of rows) {
      lines.push(
        t("regulationChanges.digestLine", {
          instrument: instrumentTitle(locale, row),
          type: changeTypeLabel(locale, row.type),
          status: legalStatusLabel(locale, row.legalStatus),
          effective: row.effectiveAt
            ? day(row.effectiveAt)
            : t("regulationChanges.noEffectiveDate"),
        }),
        `  ${locale === "de" ? row.summaryDe : row.summaryEn}`,
      );
      if (row.impact) lines.push(t("regulationChanges.digestImpact", { ...row.impact }));
      lines.push(
        t("regulationChanges.digestLink", {
          url: new URL(`/regulations/changes/${encodeURIComponent(row.id)}`, input.appUrl).href,
        }),
      );
    }
  };
  block("regulationChanges.digestDetected", input.sections.detected);
  block("regulationChanges.digestEffective", input.sections.effective);
  block("regulationChanges.digestPending", input.sections.pending);
  lines.push(
    "",
    t("regulationChanges.digestAll", { url: new URL("/regulations/changes", input.appUrl).href }),
    "",
    t("regulationChanges.digestFooter", { organization: input.organizationName }),
  );
  return {
    organizationId: input.organizationId,
    to: input.to,
    subject: t("regulationChanges.digestSubject", { count }),
    text: `${lines.join("\n")}\n`,
  };
}
