import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ChartFigure } from "~/components/charts/chart-figure";
import { TimeLines } from "~/components/charts/charts";
import { formatAnswer } from "~/modules/questionnaires/format-answer";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/layout";
import { requireUser } from "~/modules/auth/guards.server";
import { diffVendorAssessments } from "~/modules/history/diff-vendor-assessments.server";
import { getVendorHistory } from "~/modules/history/get-vendor-history.server";
import { runUseCase } from "~/utils/http.server";
import { translate, type Locale, labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ScrollRegion } from "~/components/ui/scroll-region";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "compare.historyTitle", { vendor: loaderData?.history.vendor.name ?? "" })} · Vetted` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const vendorId = params.vendorId ?? "";
  const history = await runUseCase(() => getVendorHistory(actor, { vendorId }));
  const url = new URL(request.url);
  const ids = history.assessments.map((a) => a.assessmentId);
  // Default: the two latest scored assessments.
  const from = url.searchParams.get("from") ?? ids.at(-2) ?? null;
  const to = url.searchParams.get("to") ?? ids.at(-1) ?? null;
  const diff = from && to && from !== to ? await runUseCase(() => diffVendorAssessments(actor, { vendorId, fromId: from, toId: to })) : null;
  return { history, from, to, diff };
}

export default function VendorHistoryPage() {
  const { history, from, to, diff } = useLoaderData<typeof loader>();
  const { t, locale, number, date } = useT();
  const sectionTitle = (key: string) => history.sections.find((s) => s.key === key)?.title[locale] ?? key;
  const lines = [{ key: "overall", name: t("compare.overall") }, ...history.sectionKeys.map((key) => ({ key, name: sectionTitle(key) }))];
  const points = history.assessments.map((a) => ({ label: `${date(a.submittedAt)}`, values: { overall: a.overall, ...a.sections } }));
  const delta = (value: number | null) => (value === null ? "–" : `${value > 0 ? "+" : ""}${number(value, 1)}`);
  const answerText = (item: { type: string; options: { value: string; label: { en: string; de: string } }[] }, value: unknown) => formatAnswer({ type: item.type, options: item.options }, value, locale, t);

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to={`/vendors/${history.vendor.id}`} className="text-slate-700 underline">
          {t("compare.backToVendor")}
        </Link>
      </p>
      <PageHeader title={t("compare.historyTitle", { vendor: history.vendor.name })} />
      {history.assessments.length === 0 ? (
        <Card>
          <p className="text-sm">{t("compare.noHistory")}</p>
        </Card>
      ) : (
        <Card>
          <ChartFigure
            id="history"
            title={t("compare.historyChart")}
            table={{
              columns: [t("compare.submitted"), t("compare.assessment"), t("compare.overall"), t("compare.tier"), ...history.sectionKeys.map(sectionTitle)],
              rows: history.assessments.map((a) => ({
                key: a.assessmentId,
                cells: [
                  date(a.submittedAt),
                  <Link key="link" to={`/assessments/${a.assessmentId}`} className="underline">
                    {a.title}
                  </Link>,
                  number(a.overall, 1),
                  a.riskTier ? t(labelKey("assessments.tier", a.riskTier) ?? "common.unknownValue") : "–",
                  ...history.sectionKeys.map((key) => number(a.sections[key] ?? null, 1)),
                ],
              })),
            }}
          >
            <TimeLines points={points} lines={lines} />
          </ChartFigure>
        </Card>
      )}

      <Card title={t("compare.diffTitle")}>
        {history.assessments.length < 2 ? (
          <p className="text-sm">{t("compare.diffNeedTwo")}</p>
        ) : (
          <Form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
            {(["from", "to"] as const).map((name) => (
              <label key={name} className="flex flex-col">
                <span>{t(name === "from" ? "compare.diffFrom" : "compare.diffTo")}</span>
                <select name={name} defaultValue={(name === "from" ? from : to) ?? ""} className="rounded-md border border-slate-300 px-2 py-1">
                  {history.assessments.map((a) => (
                    <option key={a.assessmentId} value={a.assessmentId}>
                      {date(a.submittedAt)} · {a.title}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <Button type="submit" variant="secondary">
              {t("compare.diffShow")}
            </Button>
          </Form>
        )}
        {diff ? (
          <div className="space-y-4">
            <div>
              <h3 className="font-semibold">{t("compare.scoreChanges")}</h3>
              <ScrollRegion label={t("compare.scoreChanges")}>
                <table className="min-w-full text-sm" data-testid="score-changes">
                  <thead>
                    <tr className="border-b border-slate-200 text-left">
                      <th scope="col" className="py-1 pr-3">{t("compare.section")}</th>
                      <th scope="col" className="py-1 pr-3 text-right">{t("compare.before")}</th>
                      <th scope="col" className="py-1 pr-3 text-right">{t("compare.after")}</th>
                      <th scope="col" className="py-1 pr-3 text-right">{t("compare.delta")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr className="border-b border-slate-100 font-semibold">
                      <th scope="row" className="py-1 pr-3 text-left">{t("compare.overall")}</th>
                      <td className="py-1 pr-3 text-right tabular-nums">{number(diff.overall.before, 1)}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{number(diff.overall.after, 1)}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{delta(diff.overall.delta)}</td>
                    </tr>
                    <tr className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-3 text-left">{t("compare.tier")}</th>
                      <td className="py-1 pr-3 text-right">{diff.riskTier.before ? t(labelKey("assessments.tier", diff.riskTier.before) ?? "common.unknownValue") : "–"}</td>
                      <td className="py-1 pr-3 text-right">{diff.riskTier.after ? t(labelKey("assessments.tier", diff.riskTier.after) ?? "common.unknownValue") : "–"}</td>
                      <td />
                    </tr>
                    {diff.sections.map((s) => (
                      <tr key={s.key} className="border-b border-slate-100">
                        <th scope="row" className="py-1 pr-3 text-left font-normal">{s.title[locale]}</th>
                        <td className="py-1 pr-3 text-right tabular-nums">{number(s.before, 1)}</td>
                        <td className="py-1 pr-3 text-right tabular-nums">{number(s.after, 1)}</td>
                        <td className="py-1 pr-3 text-right tabular-nums">{delta(s.delta)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </div>
            <div>
              <h3 className="font-semibold">{t("compare.changedAnswers")}</h3>
              {diff.changed.length === 0 ? (
                <p className="text-sm">{t("compare.noChanges")}</p>
              ) : (
                <ScrollRegion label={t("compare.changedAnswers")}>
                  <table className="min-w-full text-sm" data-testid="changed-answers">
                    <thead>
                      <tr className="border-b border-slate-200 text-left">
                        <th scope="col" className="py-1 pr-3">{t("compare.question")}</th>
                        <th scope="col" className="py-1 pr-3">{t("compare.before")}</th>
                        <th scope="col" className="py-1 pr-3">{t("compare.after")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {diff.changed.map((c) => (
                        <tr key={c.key} className="border-b border-slate-100 align-top">
                          <th scope="row" className="py-1 pr-3 text-left font-medium">{c.label[locale]}</th>
                          <td className="py-1 pr-3">{answerText(c, c.before)}</td>
                          <td className="py-1 pr-3">{answerText(c, c.after)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
            </div>
            {diff.added.length > 0 ? (
              <div>
                <h3 className="font-semibold">{t("compare.addedQuestions")}</h3>
                <ul className="list-disc pl-5 text-sm">
                  {diff.added.map((q) => (
                    <li key={q.key}>
                      {q.label[locale]}: {answerText(q, q.after)}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {diff.removed.length > 0 ? (
              <div>
                <h3 className="font-semibold">{t("compare.removedQuestions")}</h3>
                <ul className="list-disc pl-5 text-sm">
                  {diff.removed.map((q) => (
                    <li key={q.key}>
                      {q.label[locale]}: {answerText(q, q.before)}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
      </Card>
    </div>
  );
}
