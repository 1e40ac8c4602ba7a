import { Link } from "@remix-run/react";
import { assessmentTabHref } from "~/modules/assessments/assessment-tabs";
import type { NextStep } from "~/modules/assessments/next-step";
import { useT } from "~/utils/use-t";

/**
 * The one sticky action bar of the assessment page: what happens next for this viewer and
 * status (next-step.ts), with a link to the tab and form where it is done. It stays at the
 * bottom of the window while the page scrolls (position: sticky, no JavaScript).
 */
export function NextStepBar({ assessmentId, step }: { assessmentId: string; step: NextStep }) {
  const { t } = useT();
  return (
    <aside
      aria-label={t("assessmentTabs.nextStepLabel")}
      className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center justify-between gap-3 rounded-t-lg border border-slate-300 bg-white px-4 py-3 shadow-[0_-2px_6px_rgba(15,23,42,0.08)]"
      data-testid="next-step-bar"
      data-step={step.kind}
    >
      <p className="text-sm text-slate-800">
        <span className="font-semibold">{t("assessmentTabs.nextStepLabel")}:</span>{" "}
        {t(`assessmentTabs.step_${step.kind}`)}
      </p>
      <Link
        to={assessmentTabHref(assessmentId, step.tab, step.anchor, step.opens)}
        className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
          step.actionable
            ? "bg-brand-600 text-white hover:bg-brand-700"
            : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
        }`}
        data-testid="next-step-action"
      >
        {t(`assessmentTabs.step_${step.kind}Action`)}
      </Link>
    </aside>
  );
}
