import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/layout";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import type { TemplatePageView } from "./template-page-view";

/** The table of a template's versions with their exports and a link to each one's changes. */
export function TemplateVersionsCard({
  templateId,
  versions,
  selectedVersionId,
}: {
  templateId: string;
  versions: TemplatePageView["versions"];
  selectedVersionId: string | undefined;
}) {
  const { t, date } = useT();
  return (
    <Card title={t("templates.versions")}>
      <ScrollRegion label={t("templates.versions")}>
        <table className="min-w-full text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">
                {t("templates.version")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("templates.status")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("templates.origin")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("templates.publishedAt")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("templates.createdBy")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("templates.assessmentsCount")}
              </th>
              <th scope="col" className="py-2 pr-3">
                <span className="sr-only">{t("templateReader.read")}</span>
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("templates.export")}
              </th>
              <th scope="col" className="py-2">
                <span className="sr-only">{t("templates.showChanges")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr
                key={v.id}
                className={`border-t border-slate-100 ${selectedVersionId === v.id ? "bg-brand-50" : ""}`}
              >
                <td className="py-2 pr-3">{t("templates.versionLabel", { version: v.version })}</td>
                <td className="py-2 pr-3">
                  {t(labelKey("templates.status", v.status) ?? "common.unknownValue")}
                </td>
                <td className="py-2 pr-3">
                  {t(labelKey("templates.origin", v.origin) ?? "common.unknownValue")}
                </td>
                <td className="py-2 pr-3">{v.publishedAt ? date(v.publishedAt, true) : "–"}</td>
                <td className="py-2 pr-3">{v.createdBy ?? "–"}</td>
                <td className="py-2 pr-3 text-right">{v.assessments}</td>
                <td className="py-2 pr-3">
                  <Link
                    to={`/templates/${templateId}/versions/${v.id}`}
                    className="whitespace-nowrap text-brand-700 hover:underline"
                  >
                    {t("templateReader.readVersion", { version: v.version })}
                  </Link>
                </td>
                <td className="space-x-2 py-2 pr-3">
                  <a
                    href={`/templates/${templateId}/versions/${v.id}/export?format=json`}
                    className="text-brand-700 hover:underline"
                    download
                  >
                    JSON
                  </a>
                  <a
                    href={`/templates/${templateId}/versions/${v.id}/export?format=yaml`}
                    className="text-brand-700 hover:underline"
                    download
                  >
                    YAML
                  </a>
                </td>
                <td className="py-2">
                  <Link to={`?version=${v.id}`} className="text-brand-700 hover:underline">
                    {t("templates.showChanges")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Card>
  );
}
