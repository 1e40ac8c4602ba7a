import type {
  TemplateDefinition,
  TemplateQuestion,
} from "~/modules/questionnaires/template-definition";
import { translate, type Locale } from "~/utils/i18n";
import { ScrollRegion } from "~/components/ui/scroll-region";

/**
 * The draft as a vendor sees it, in one language: sections, questions, help and the answer
 * controls (disabled). Built-in answer labels come from `locale`, not the page's language, so
 * the English and German previews can stand side by side. Points and knock-outs are not shown
 * (vendors never see them).
 */
function PreviewInput({ question, locale }: { question: TemplateQuestion; locale: Locale }) {
  const tr = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const box = "rounded border border-slate-300 bg-slate-50 px-2 py-1 text-sm text-slate-500";
  switch (question.type) {
    case "yes_no":
      return (
        <ul className="flex flex-wrap gap-x-4 text-sm">
          {(["yes", "partial", "no", "unknown", "na"] as const).map((v) => (
            <li key={v}>○ {tr(`portal.${v}`)}</li>
          ))}
        </ul>
      );
    case "single_choice":
    case "multi_choice":
      return (
        <ul className="space-y-0.5 text-sm">
          {(question.options ?? []).map((o) => (
            <li key={o.value}>
              {question.type === "single_choice" ? "○" : "☐"} {o.label[locale]}
            </li>
          ))}
          {question.type === "single_choice" ? <li>○ {tr("portal.unknown")}</li> : null}
        </ul>
      );
    case "number":
      return (
        <p className={box}>
          123 {question.unit ?? ""}
          {question.min !== undefined || question.max !== undefined
            ? ` (${question.min ?? "…"}–${question.max ?? "…"})`
            : ""}
        </p>
      );
    case "date":
      return <p className={box}>YYYY-MM-DD</p>;
    case "countries":
      return <p className={box}>{tr("templates.previewCountries")}</p>;
    case "subprocessors":
      return (
        <ScrollRegion label={tr("templates.previewSubName")}>
          <table className="text-xs">
            <thead>
              <tr className="text-left text-slate-600">
                {(
                  [
                    "templates.previewSubName",
                    "templates.previewSubPurpose",
                    "templates.previewSubCountry",
                    "templates.previewSubMechanism",
                  ] as const
                ).map((k) => (
                  <th key={k} scope="col" className="pr-3">
                    {tr(k)}
                  </th>
                ))}
              </tr>
            </thead>
          </table>
        </ScrollRegion>
      );
    case "evidence":
      return (
        <p className={box}>
          {tr("templates.previewFile")}: {question.evidence?.documentTypes.join(", ")}
          {question.evidence?.expiryRequired ? ` · ${tr("templates.previewExpiry")} …` : ""}
        </p>
      );
    default:
      return <p className={`${box} ${question.type === "long_text" ? "h-16" : ""}`}>…</p>;
  }
}

export function TemplatePreview({
  definition,
  locale,
}: {
  definition: TemplateDefinition;
  locale: Locale;
}) {
  const labels = new Map(
    definition.sections.flatMap((s) => s.questions.map((q) => [q.key, q.label[locale]] as const)),
  );
  return (
    <div lang={locale} className="space-y-5" data-testid={`template-preview-${locale}`}>
      <h3 className="text-lg font-semibold">{definition.title[locale]}</h3>
      {definition.description ? (
        <p className="text-sm text-slate-600">{definition.description[locale]}</p>
      ) : null}
      {definition.sections.map((section) => (
        <section key={section.key} className="space-y-3">
          <h4 className="border-b border-slate-200 pb-1 font-semibold">{section.title[locale]}</h4>
          {section.description ? (
            <p className="text-sm text-slate-600">{section.description[locale]}</p>
          ) : null}
          {section.questions.map((question) => (
            <div key={question.key} className="space-y-1">
              <p className="text-sm font-medium">
                {question.label[locale]}
                {question.required ? (
                  <span className="ml-1 text-xs text-red-700">
                    ({translate(locale, "templates.previewRequired")})
                  </span>
                ) : null}
              </p>
              {question.help ? (
                <p className="text-xs text-slate-600">{question.help[locale]}</p>
              ) : null}
              {question.showIf && "question" in question.showIf ? (
                <p className="text-xs italic text-slate-500">
                  {translate(locale, "templates.previewShownIf", {
                    question: labels.get(question.showIf.question) ?? question.showIf.question,
                    values: question.showIf.in.join(", "),
                  })}
                </p>
              ) : null}
              <PreviewInput question={question} locale={locale} />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
