import { forwardRef } from "react";
import { Alert } from "~/components/ui/layout";
import { formatAnswer } from "~/modules/questionnaires/format-answer";
import { useT } from "~/utils/use-t";
import type { PortalActionData, PortalQuestion } from "./portal-view";

interface PortalProblemsProps {
  actionData: PortalActionData;
  questions: PortalQuestion[];
  labelOf: (key: string) => string;
}

/**
 * What the server refused after a plain form post: conflicting answers (theirs and yours),
 * invalid answers and required answers still missing, each linked to its question. Focusable,
 * so the page can move focus here; without JavaScript the server's page focuses it itself
 * (autofocus) and the submit button's URL ends in #submit-problems, so it is also scrolled to.
 */
export const PortalProblems = forwardRef<HTMLDivElement, PortalProblemsProps>(
  function PortalProblems({ actionData, questions, labelOf }, ref) {
    const { t, tm, locale } = useT();
    const hasProblems = Boolean(
      actionData &&
      (actionData.conflicts.length > 0 ||
        actionData.invalid.length > 0 ||
        actionData.missingRequired.length > 0 ||
        actionData.carriedUnconfirmed),
    );
    return (
      <div
        ref={ref}
        id="submit-problems"
        tabIndex={-1}
        // Only a page with problems takes focus here (a global attribute on a focusable element).
        autoFocus={hasProblems}
        hidden={!hasProblems}
        className="space-y-6"
        data-testid="submit-problems"
      >
        {actionData && actionData.conflicts.length > 0 ? (
          <Alert tone="warning">
            <p>{t("portal.conflictsCount", { count: actionData.conflicts.length })}</p>
            <ul className="mt-1 list-disc pl-5">
              {actionData.conflicts.map((c) => {
                const q = questions.find((x) => x.key === c.questionKey);
                return (
                  <li key={c.questionKey}>
                    <a href={`#q-${c.questionKey}`} className="underline">
                      {labelOf(c.questionKey)}
                    </a>
                    : {t("portal.theirValue")} „
                    {q ? formatAnswer(q, c.currentValue, locale, t) : ""}“ · {t("portal.yourValue")}{" "}
                    „{q ? formatAnswer(q, c.yourValue, locale, t) : ""}“
                  </li>
                );
              })}
            </ul>
          </Alert>
        ) : null}
        {actionData && actionData.invalid.length > 0 ? (
          <Alert tone="error">
            <p>{t("portal.invalidCount", { count: actionData.invalid.length })}</p>
            <ul className="mt-1 list-disc pl-5" data-testid="invalid-answers">
              {actionData.invalid.map((i) => (
                <li key={i.questionKey}>
                  <a href={`#q-${i.questionKey}`} className="underline">
                    {labelOf(i.questionKey)}
                  </a>
                  : {tm(i.message)}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {actionData && actionData.missingRequired.length > 0 ? (
          <Alert tone="error">
            <p className="font-semibold">{t("portal.missingTitle")}</p>
            <ul className="mt-1 list-disc pl-5" data-testid="missing-required">
              {actionData.missingRequired.map((key) => (
                <li key={key}>
                  <a href={`#q-${key}`} className="underline">
                    {labelOf(key)}
                  </a>
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {actionData?.carriedUnconfirmed ? (
          <Alert tone="error">
            <p data-testid="carried-unconfirmed">{t("reReview.errorCarriedNotConfirmed")}</p>
          </Alert>
        ) : null}
      </div>
    );
  },
);
