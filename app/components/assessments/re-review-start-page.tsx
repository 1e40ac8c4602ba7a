import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { StatusBadge } from "~/components/assessment-badges";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import type { getReReviewStartPage } from "~/modules/assessments/re-review/get-re-review-start-page.server";
import type { StartedReReview } from "~/modules/assessments/re-review/start-re-reviews.server";
import { useT } from "~/utils/use-t";

type View = SerializeFrom<typeof getReReviewStartPage>;
type Result = StartedReReview & { title: string };

/** The affected assessments of a change, each with a checkbox, and what was started. */
export function ReReviewStartPage({ view, results }: { view: View; results: Result[] | null }) {
  const { t, locale } = useT();
  const { change, candidates } = view;
  return (
    <div className="space-y-6">
      <PageHeader title={t("reReview.pageTitle")}>
        <p>
          {t("reReview.changeLabel")}:{" "}
          <span data-testid="change-summary">{change.summary[locale]}</span>
        </p>
        <p className="mt-1">
          <Link to={`/regulations/changes/${change.id}`} className="underline">
            {t("reReview.backToChange")}
          </Link>
        </p>
      </PageHeader>
      {results ? (
        <Card title={t("reReview.resultTitle")}>
          <ul className="space-y-2 text-sm" data-testid="re-review-results">
            {results.map((result) => (
              <li key={result.sourceId}>
                {result.status === "started" ? (
                  <Alert tone="success">
                    {t("reReview.started", { title: result.title })}{" "}
                    <Link to={`/assessments/${result.assessmentId}`} className="underline">
                      {t("reReview.openAssessment")}
                    </Link>
                  </Alert>
                ) : (
                  <Alert tone="warning">
                    <span data-testid="already-open">
                      {t("reReview.alreadyOpen", { title: result.title })}
                    </span>{" "}
                    <Link to={`/assessments/${result.assessmentId}`} className="underline">
                      {t("reReview.openAssessment")}
                    </Link>
                  </Alert>
                )}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <p className="max-w-3xl text-sm text-slate-700">{t("reReview.intro")}</p>
      {candidates.length === 0 ? (
        <Alert tone="info">{t("reReview.none")}</Alert>
      ) : (
        <Form method="post">
          <Card>
            <table className="w-full text-left text-sm" data-testid="re-review-candidates">
              <thead>
                <tr className="border-b border-slate-200">
                  <th className="py-2 pr-3">{t("reReview.colChoose")}</th>
                  <th className="py-2 pr-3">{t("reReview.colVendor")}</th>
                  <th className="py-2 pr-3">{t("reReview.colAssessment")}</th>
                  <th className="py-2 pr-3">{t("reReview.colStatus")}</th>
                  <th className="py-2 pr-3">{t("reReview.colTemplate")}</th>
                  <th className="py-2 pr-3 text-right">{t("reReview.colAsked")}</th>
                  <th className="py-2 pr-3 text-right">{t("reReview.colCarried")}</th>
                  <th className="py-2">{t("reReview.colOpen")}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c) => (
                  <tr key={c.assessmentId} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-3">
                      <input
                        type="checkbox"
                        name="assessmentId"
                        value={c.assessmentId}
                        defaultChecked={c.chosen}
                        id={`choose-${c.assessmentId}`}
                        aria-label={t("reReview.chooseLabel", { title: c.title })}
                      />
                    </td>
                    <td className="py-2 pr-3">{c.vendor.name}</td>
                    <td className="py-2 pr-3">
                      <Link to={`/assessments/${c.assessmentId}`} className="underline">
                        {c.title}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">
                      <StatusBadge status={c.status} />
                    </td>
                    <td className="py-2 pr-3">
                      {c.templateName}{" "}
                      {t("reReview.versionChange", { from: c.versionFrom, to: c.versionTo })}
                    </td>
                    <td className="py-2 pr-3 text-right" data-testid="asked-count">
                      {c.asked}
                    </td>
                    <td className="py-2 pr-3 text-right" data-testid="carried-count">
                      {c.carried}
                    </td>
                    <td className="py-2">
                      {c.openReReviewId ? (
                        <Link to={`/assessments/${c.openReReviewId}`} className="underline">
                          {t("reReview.openReReview")}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="mt-4">
              <Button type="submit">{t("reReview.submit")}</Button>
            </div>
          </Card>
        </Form>
      )}
    </div>
  );
}
