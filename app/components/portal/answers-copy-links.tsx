import { useT } from "~/utils/use-t";

/** Downloads of the vendor's own copy of their answers (plain links: the browser saves the file). */
export function AnswersCopyLinks() {
  const { t } = useT();
  return (
    <div className="text-sm">
      <p className="font-medium">{t("portalFinish.copyTitle")}</p>
      <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        <li>
          <a href="/portal/answers.csv" download className="underline" data-testid="copy-csv">
            {t("portalFinish.copyCsv")}
          </a>
        </li>
        <li>
          <a href="/portal/answers.pdf" download className="underline" data-testid="copy-pdf">
            {t("portalFinish.copyPdf")}
          </a>
        </li>
      </ul>
    </div>
  );
}
