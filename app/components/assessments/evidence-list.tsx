import { formatFileSize, kindName, kindOfContentType } from "~/modules/evidence/evidence-display";
import { useT } from "~/utils/use-t";
import { ScrollRegion } from "~/components/ui/scroll-region";

export interface EvidenceListFile {
  id: string;
  questionKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedByLabel: string;
  createdAt: Date | string;
}

/**
 * The assessor's list of an assessment's evidence: name (a download link), question, detected
 * type, size, full SHA-256 (to compare with what the vendor holds), who uploaded it and when.
 * `questionLabels` maps question keys to the label shown; without it the key is shown.
 */
export function EvidenceList({
  assessmentId,
  files,
  questionLabels = {},
}: {
  assessmentId: string;
  files: EvidenceListFile[];
  questionLabels?: Record<string, string>;
}) {
  const { t, date, number } = useT();
  if (files.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="evidence-list-empty">
        {t("evidence.listEmpty")}
      </p>
    );
  }
  return (
    <ScrollRegion label={t("evidence.listTitle")}>
      <table className="w-full text-left text-sm" data-testid="evidence-list">
        <caption className="sr-only">{t("evidence.listTitle")}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">
              {t("evidence.colFile")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("evidence.colQuestion")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("evidence.colType")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("evidence.colSize")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("evidence.sha256")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("evidence.colUploader")}
            </th>
            <th scope="col" className="py-2">
              {t("evidence.colTime")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {files.map((file) => (
            <tr key={file.id} data-testid={`evidence-row-${file.id}`}>
              <td className="py-2 pr-3">
                <a
                  href={`/assessments/${encodeURIComponent(assessmentId)}/evidence/${encodeURIComponent(file.id)}`}
                  download={file.fileName}
                  className="font-medium text-brand-700 underline"
                  aria-label={t("evidence.downloadLabel", { name: file.fileName })}
                >
                  {file.fileName}
                </a>
              </td>
              <td className="py-2 pr-3">{questionLabels[file.questionKey] ?? file.questionKey}</td>
              <td className="py-2 pr-3">{kindName(t, kindOfContentType(file.contentType))}</td>
              <td className="whitespace-nowrap py-2 pr-3">
                {formatFileSize(t, number, file.size)}
              </td>
              <td className="py-2 pr-3">
                <code className="break-all font-mono text-xs">{file.sha256}</code>
              </td>
              <td className="py-2 pr-3">{file.uploadedByLabel}</td>
              <td className="whitespace-nowrap py-2">{date(file.createdAt, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
