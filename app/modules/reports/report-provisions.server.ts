import { catalogueIdentity } from "../../reference-data/regulations/catalogue-identity";
import type { Tx } from "../../utils/db.server";
import { formatDate, translate, type Locale } from "../../utils/i18n";
import { dateToDay } from "../regulations/catalogue-days";
import { citationCatalogueFor } from "../regulations/citations/citation-catalogue.server";
import { citeProvision } from "../regulations/citations/cite-provision";
import {
  provisionStatusesOn,
  type ProvisionStatusOnDate,
} from "../regulations/provision-status-on.server";
import type { ReportCatalogue, ReportLinkedProvision } from "./report-input";

// Issue 14 item 9: what the report says about the law behind its questions. Resolved to display
// text when the decision is recorded, so the stored report input renders the same later, even
// after the catalogue changes.

function statusText(locale: Locale, provision: ProvisionStatusOnDate): string {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
    translate(locale, key, params);
  switch (provision.status) {
    case "applies":
      return t("reports.provisionInForce");
    case "conditional":
      return t("reports.provisionInForceFor", { conditions: provision.conditions.join(", ") });
    case "not_yet":
      return provision.appliesFrom
        ? t("reports.provisionAppliesFrom", {
            date: formatDate(locale, `${provision.appliesFrom}T12:00:00Z`),
          })
        : t("reports.provisionNotInForce");
    case "no_longer":
      return t("reports.provisionNoLonger");
    case "not_in_force":
      return t("reports.provisionNotInForce");
  }
}

/**
 * The template's links (of the assessment's organisation), each with its provision as in force on
 * `onDay`, by question key; and the catalogue identity. Links to a provision the organisation
 * cannot see are left out (they cannot be judged).
 */
export async function linkedProvisionsForReport(
  tx: Tx,
  input: { organizationId: string; templateId: string; onDay: Date; locale: Locale },
): Promise<{ byQuestion: Map<string, ReportLinkedProvision[]>; catalogue: ReportCatalogue }> {
  const { organizationId, templateId, locale } = input;
  const onDate = dateToDay(input.onDay);
  const links = await tx.provisionLink.findMany({
    where: { organizationId, templateId },
    orderBy: [{ questionKey: "asc" }, { provisionKey: "asc" }],
    select: { questionKey: true, provisionKey: true },
  });
  const statuses = await provisionStatusesOn(
    { organizationId },
    links.map((l) => l.provisionKey),
    onDate,
    tx,
  );
  const citations = await citationCatalogueFor(
    { organizationId },
    links.map((l) => l.provisionKey),
    tx,
  );
  const byQuestion = new Map<string, ReportLinkedProvision[]>();
  for (const link of links) {
    const provision = statuses.get(link.provisionKey);
    if (!provision) continue;
    const title = locale === "de" ? provision.titleDe : provision.titleEn;
    const citation = citeProvision(link.provisionKey, locale, citations);
    byQuestion.set(link.questionKey, [
      ...(byQuestion.get(link.questionKey) ?? []),
      {
        // The citation in the report's language ("Art. 50 KI-VO"), not the catalogue's label.
        provision: title ? `${citation} — ${title}` : citation,
        instrument: locale === "de" ? provision.instrumentTitleDe : provision.instrumentTitleEn,
        status: statusText(locale, provision),
      },
    ]);
  }
  const identity = catalogueIdentity();
  return {
    byQuestion,
    catalogue: {
      version: identity.version,
      sha256: identity.sha256,
      onDate: formatDate(locale, `${onDate}T12:00:00Z`),
    },
  };
}
