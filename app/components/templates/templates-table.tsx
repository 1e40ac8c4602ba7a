import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { ScrollRegion } from "~/components/ui/scroll-region";
import type { listTemplates } from "~/modules/templates/list-templates.server";
import { useT } from "~/utils/use-t";

/** The organisation's templates with their latest version, open draft and assessment count. */
export function TemplatesTable({ templates }: { templates: SerializeFrom<typeof listTemplates> }) {
  const { t, date } = useT();
  return (
    <ScrollRegion
      label={t("templates.title")}
      className="rounded-lg border border-slate-200 bg-white"
    >
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("templates.name")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("templates.key")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("templates.latestVersion")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("templates.draft")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("templates.assessmentsCount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {templates.map((template) => (
            <tr key={template.id} className="border-t border-slate-100">
              <td className="px-3 py-2">
                <Link
                  to={`/templates/${template.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {template.name}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{template.key}</td>
              <td className="px-3 py-2">
                {template.latest
                  ? `${t("templates.versionLabel", { version: template.latest.version })} · ${date(template.latest.publishedAt)}`
                  : t("templates.noPublishedVersion")}
              </td>
              <td className="px-3 py-2">
                {template.draft
                  ? t("templates.draftOpen", { version: template.draft.version })
                  : "–"}
              </td>
              <td
                className="px-3 py-2 text-right"
                title={template.versions.map((v) => `v${v.version}: ${v.assessments}`).join(", ")}
              >
                {template.assessments}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
