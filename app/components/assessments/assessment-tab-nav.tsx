import { Link } from "@remix-run/react";
import {
  ASSESSMENT_TABS,
  assessmentTabHref,
  type AssessmentTab,
} from "~/modules/assessments/assessment-tabs";
import { useT } from "~/utils/use-t";

/**
 * The assessment page's tabs as a navigation of links (`?tab=answers`): they work without
 * JavaScript, and the active one carries aria-current="page" (a list of links, not an ARIA
 * tablist, because each tab is its own address).
 */
export function AssessmentTabNav({
  assessmentId,
  active,
}: {
  assessmentId: string;
  active: AssessmentTab;
}) {
  const { t } = useT();
  return (
    <nav aria-label={t("assessmentTabs.navLabel")} data-testid="assessment-tabs">
      <ul className="flex flex-wrap gap-1 border-b border-slate-200">
        {ASSESSMENT_TABS.map((tab) => {
          const current = tab === active;
          return (
            <li key={tab}>
              <Link
                to={assessmentTabHref(assessmentId, tab)}
                aria-current={current ? "page" : undefined}
                preventScrollReset
                className={`-mb-px inline-block rounded-t-md border px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
                  current
                    ? "border-slate-200 border-b-white bg-white text-slate-900"
                    : "border-transparent text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                {t(`assessmentTabs.tab_${tab}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
