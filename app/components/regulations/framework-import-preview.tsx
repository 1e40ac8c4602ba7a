import type { FrameworkUploadPreview } from "~/modules/regulations/run-framework-upload.server";
import { useT } from "~/utils/use-t";

/** What an import would write (or wrote): the counts, and for a later version the diff's keys. */
export function FrameworkImportPreview({ preview }: { preview: FrameworkUploadPreview }) {
  const { t } = useT();
  const rows: [string, string][] = [
    [t("frameworkImport.pageFramework"), `${preview.name} (${preview.urn})`],
    [t("frameworkImport.pageVersion"), preview.version],
    [t("frameworkImport.pageProvisions"), String(preview.provisions)],
    [t("frameworkImport.pageAssessable"), String(preview.assessable)],
  ];
  if (preview.changes)
    rows.push(
      [t("frameworkImport.pageAdded"), String(preview.changes.added)],
      [t("frameworkImport.pageChanged"), String(preview.changes.changed)],
      [t("frameworkImport.pageRemoved"), String(preview.changes.removed)],
    );
  const lists: [string, string[]][] = [
    [t("frameworkImport.pageAdded"), preview.added],
    [t("frameworkImport.pageChanged"), preview.changed],
    [t("frameworkImport.pageRemoved"), preview.removed],
  ];
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {preview.outcome === "new_version"
          ? t("frameworkImport.pageOutcomeNewVersion", { previous: preview.previousVersion ?? "" })
          : preview.outcome === "new_framework"
            ? t("frameworkImport.pageOutcomeNew")
            : t("frameworkImport.pageUnchanged")}
      </p>
      <table className="text-sm" data-testid="framework-preview">
        <thead className="sr-only">
          <tr>
            <th scope="col">{t("frameworkImport.pageField")}</th>
            <th scope="col">{t("frameworkImport.pageValue")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row" className="pr-4 text-left font-medium text-slate-700">
                {label}
              </th>
              <td className="break-all">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lists
        .filter(([, keys]) => keys.length > 0)
        .map(([label, keys]) => (
          <div key={label}>
            <h3 className="text-sm font-medium text-slate-800">{label}</h3>
            <ul className="list-disc pl-5 font-mono text-xs">
              {keys.map((key) => (
                <li key={key}>{key}</li>
              ))}
            </ul>
          </div>
        ))}
    </div>
  );
}
