import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { ReactNode } from "react";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { ChartFigure } from "~/components/charts/chart-figure";
import { LabelledBars, SectionRadar } from "~/components/charts/charts";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { getSessionUserLocale, requireUser } from "~/modules/auth/guards.server";
import { compareVendors, type ComparisonRefusal } from "~/modules/comparison/compare-vendors.server";
import { comparisonPageView, type ComparisonPage } from "~/modules/comparison/comparison-view";
import { MAX_CANDIDATES, parseVendorIds } from "~/modules/comparison/comparison-params";
import { listComparableVendors } from "~/modules/comparison/list-comparable-vendors.server";
import { listWeightProfileNames } from "~/modules/weights/weight-profiles.server";
import { runUseCase } from "~/utils/http.server";
import { resolveLocale } from "~/utils/locale.server";
import { translate, type Locale, type MessageKey, labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ScrollRegion } from "~/components/ui/scroll-region";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "compare.title")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const url = new URL(request.url);
  // The picker (a GET form of checkboxes) sends vendor=a&vendor=b: canonicalise to ?vendors=a,b.
  const picked = url.searchParams.getAll("vendor");
  if (picked.length > 0) {
    const next = new URLSearchParams();
    next.set("vendors", picked.join(","));
    const profile = url.searchParams.get("profile");
    if (profile) next.set("profile", profile);
    throw redirect(`/compare?${next.toString()}`);
  }
  const vendorIds = parseVendorIds(url.searchParams.get("vendors"));
  const profileId = url.searchParams.get("profile") || null;
  const [choices, profiles] = await Promise.all([
    listComparableVendors(actor, { search: url.searchParams.get("q") ?? "", selected: vendorIds }),
    listWeightProfileNames(actor),
  ]);
  const compared = vendorIds.length > 0 ? await runUseCase(() => compareVendors(actor, { vendorIds, profileId })) : null;
  // The page's view in the reader's language (the root loader resolves the same one).
  const locale = await resolveLocale(request, await getSessionUserLocale(request, context));
  const result = compared?.ok ? comparisonPageView(compared, locale) : compared;
  return {
    vendorIds,
    profileId,
    search: url.searchParams.get("q") ?? "",
    choices,
    profiles,
    result,
  };
}

/** "Unknown" answers are marked by a symbol and weight, not by colour alone. */
function UnknownMark({ children }: { children: ReactNode }) {
  return (
    <span className="font-semibold text-amber-800">
      <span aria-hidden="true">? </span>
      {children}
    </span>
  );
}

function Refusal({ refusal }: { refusal: ComparisonRefusal }) {
  const { t } = useT();
  if (refusal.reason === "count") return <Alert tone="error">{t("compare.refusedCount")}</Alert>;
  if (refusal.reason === "notScored") return <Alert tone="error">{t("compare.refusedNotScored", { names: refusal.vendors.map((v) => v.name).join(", ") })}</Alert>;
  return <Alert tone="error">{t("compare.refusedMixed", { list: refusal.templates.map((x) => `${x.vendorName} (${x.templateName})`).join(", ") })}</Alert>;
}

function Picker({ choices, selected, profileId, search }: { choices: { id: string; name: string }[]; selected: string[]; profileId: string | null; search: string }) {
  const { t } = useT();
  return (
    <Card title={t("compare.pickerTitle")}>
      <p className="mb-3 text-sm text-slate-600">{t("compare.pickerHelp")}</p>
      <Form method="get" className="space-y-3">
        {profileId ? <input type="hidden" name="profile" value={profileId} /> : null}
        <fieldset className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          <legend className="sr-only">{t("compare.pickerTitle")}</legend>
          {choices.map((vendor) => (
            <label key={vendor.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="vendor" value={vendor.id} defaultChecked={selected.includes(vendor.id)} />
              {vendor.name}
            </label>
          ))}
        </fieldset>
        <Button type="submit">{t("compare.compareButton")}</Button>
      </Form>
      <Form method="get" className="mt-3 flex items-end gap-2 text-sm">
        <input type="hidden" name="vendors" value={selected.join(",")} />
        <label className="flex flex-col">
          <span className="text-slate-600">{t("compare.search")}</span>
          <input type="search" name="q" defaultValue={search} className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <Button type="submit" variant="secondary">
          {t("compare.search")}
        </Button>
      </Form>
    </Card>
  );
}

function RankChange({ stored, whatIf }: { stored: number; whatIf: number | null }) {
  const { t } = useT();
  if (whatIf === null) return null;
  const change = stored - whatIf;
  if (change === 0) return <span>{t("compare.rankSame")}</span>;
  return change > 0 ? <span>▲ {t("compare.rankUp", { n: change })}</span> : <span>▼ {t("compare.rankDown", { n: -change })}</span>;
}

function ComparisonView({ comparison, vendorIds, profileId, profiles }: { comparison: ComparisonPage; vendorIds: string[]; profileId: string | null; profiles: { id: string; name: string }[] }) {
  const { t, number, date } = useT();
  const submit = useSubmit();
  const whatIf = Boolean(comparison.profile);
  const shown = (c: ComparisonPage["candidates"][number]) => c.whatIf ?? c.stored;
  const ordered = [...comparison.candidates].sort((a, b) => (a.whatIfRank ?? a.storedRank) - (b.whatIfRank ?? b.storedRank));
  const exportQuery = (format: string) => {
    const params = new URLSearchParams({ format, vendors: vendorIds.join(",") });
    if (profileId) params.set("profile", profileId);
    return `/compare/export?${params.toString()}`;
  };
  const percent = (f: ReturnType<typeof shown>) => (f.transparency && f.transparency.total > 0 ? Math.round((f.transparency.satisfied / f.transparency.total) * 1000) / 10 : null);
  const residencyPercent = (f: ReturnType<typeof shown>) => (f.residencyPoints === null ? null : Math.round(f.residencyPoints * 1000) / 10);

  return (
    <div className="space-y-6">
      <Card title={t("compare.profileLabel")}>
        <Form method="get" className="flex flex-wrap items-end gap-2" onChange={(event) => submit(event.currentTarget)}>
          <input type="hidden" name="vendors" value={vendorIds.join(",")} />
          <label className="flex min-w-0 max-w-full flex-col text-sm">
            <span className="sr-only">{t("compare.profileLabel")}</span>
            <select name="profile" defaultValue={profileId ?? ""} className="max-w-full rounded-md border border-slate-300 px-2 py-1">
              <option value="">{t("compare.profileStored")}</option>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary">
            {t("compare.applyProfile")}
          </Button>
        </Form>
        <p className="mt-2 text-sm text-slate-700" role="status">
          {comparison.profile ? t("compare.whatIfNote", { profile: comparison.profile.name }) : t("compare.storedNote")}
        </p>
        <p className="mt-1 text-xs text-slate-500">
          {t("compare.template")}: {comparison.templateName}
        </p>
      </Card>

      <Card title={t("compare.ranking")}>
        <ScrollRegion label={t("compare.ranking")}>
          <table className="min-w-full text-sm" data-testid="ranking">
            <thead>
              <tr className="border-b border-slate-200 text-left">
                <th scope="col" className="py-1 pr-3">{whatIf ? t("compare.rankWhatIf") : t("compare.rankStored")}</th>
                {whatIf ? <th scope="col" className="py-1 pr-3">{t("compare.rankStored")}</th> : null}
                {whatIf ? <th scope="col" className="py-1 pr-3">{t("compare.rankChange")}</th> : null}
                <th scope="col" className="py-1 pr-3">{t("compare.vendor")}</th>
                <th scope="col" className="py-1 pr-3 text-right">{t("compare.overallStored")}</th>
                {whatIf ? <th scope="col" className="py-1 pr-3 text-right">{t("compare.overallWhatIf")}</th> : null}
                <th scope="col" className="py-1 pr-3">{t("compare.tier")}</th>
                <th scope="col" className="py-1 pr-3">{t("compare.transparency")}</th>
                <th scope="col" className="py-1 pr-3">{t("compare.residency")}</th>
                <th scope="col" className="py-1 pr-3">{t("compare.knockOuts")}</th>
                <th scope="col" className="py-1 pr-3 text-right">{t("compare.unknownAnswers")}</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((c) => {
                const f = shown(c);
                return (
                  <tr key={c.vendorId} className="border-b border-slate-100 align-top" data-vendor={c.vendorId}>
                    <td className="py-1 pr-3 font-semibold">{c.whatIfRank ?? c.storedRank}</td>
                    {whatIf ? <td className="py-1 pr-3">{c.storedRank}</td> : null}
                    {whatIf ? (
                      <td className="py-1 pr-3">
                        <RankChange stored={c.storedRank} whatIf={c.whatIfRank} />
                      </td>
                    ) : null}
                    <th scope="row" className="py-1 pr-3 text-left">
                      <Link to={`/assessments/${c.assessmentId}`} className="underline">
                        {c.vendorName}
                      </Link>
                      <div className="text-xs font-normal text-slate-500">
                        {c.assessmentTitle} · {date(c.submittedAt)}
                      </div>
                    </th>
                    <td className="py-1 pr-3 text-right tabular-nums">{number(c.stored.overall, 1)}</td>
                    {whatIf ? <td className="py-1 pr-3 text-right tabular-nums">{number(c.whatIf?.overall, 1)}</td> : null}
                    <td className="py-1 pr-3">{f.riskTier ? t(labelKey("assessments.tier", f.riskTier) ?? "common.unknownValue") : "–"}</td>
                    <td className="py-1 pr-3">{f.transparency ? t("compare.transparencyValue", { satisfied: f.transparency.satisfied, total: f.transparency.total }) : "–"}</td>
                    <td className="py-1 pr-3">{f.residency ? t(labelKey("assessments.class_", f.residency) ?? "common.unknownValue") : "–"}</td>
                    <td className="py-1 pr-3">
                      {f.knockOuts.length > 0 ? (
                        <span className="font-semibold text-red-800" data-testid="knock-out">
                          <span aria-hidden="true">⚠ </span>
                          {t("compare.knockOutFlag")}: {f.knockOuts.map((k) => k.label).join("; ")}
                        </span>
                      ) : (
                        t("compare.noKnockOuts")
                      )}
                    </td>
                    <td className="py-1 pr-3 text-right">
                      {f.unknownCount > 0 ? <UnknownMark>{f.unknownCount}</UnknownMark> : "0"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>

      <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
        <Card>
          <ChartFigure
            id="sections"
            title={t("compare.radarTitle")}
            table={{
              columns: [t("compare.section"), ...ordered.map((c) => c.vendorName)],
              rows: comparison.sections.map((s) => ({ key: s.key, cells: [s.title, ...ordered.map((c) => number(shown(c).sections[s.key] ?? null, 1))] })),
            }}
          >
            <SectionRadar categories={comparison.sections.map((s) => ({ key: s.key, label: s.title }))} series={ordered.map((c) => ({ name: c.vendorName, values: shown(c).sections }))} />
          </ChartFigure>
        </Card>
        <Card>
          <ChartFigure
            id="overall"
            title={t("compare.overallChart")}
            table={{ columns: [t("compare.vendor"), t("compare.overall")], rows: ordered.map((c) => ({ key: c.vendorId, cells: [c.vendorName, number(shown(c).overall, 1)] })) }}
          >
            <LabelledBars rows={ordered.map((c) => ({ name: c.vendorName, value: shown(c).overall, label: number(shown(c).overall, 1) }))} />
          </ChartFigure>
        </Card>
        <Card>
          <ChartFigure
            id="transparency"
            title={t("compare.transparencyChart")}
            table={{
              columns: [t("compare.vendor"), t("compare.transparency"), "%"],
              rows: ordered.map((c) => {
                const f = shown(c);
                return { key: c.vendorId, cells: [c.vendorName, f.transparency ? t("compare.transparencyValue", { satisfied: f.transparency.satisfied, total: f.transparency.total }) : "–", number(percent(f), 1)] };
              }),
            }}
          >
            <LabelledBars rows={ordered.map((c) => ({ name: c.vendorName, value: percent(shown(c)), label: `${number(percent(shown(c)), 1)} %` }))} />
          </ChartFigure>
        </Card>
        <Card>
          <ChartFigure
            id="residency"
            title={t("compare.residencyChart")}
            table={{
              columns: [t("compare.vendor"), t("compare.residency"), t("compare.residencyPoints")],
              rows: ordered.map((c) => {
                const f = shown(c);
                return { key: c.vendorId, cells: [c.vendorName, f.residency ? t(labelKey("assessments.class_", f.residency) ?? "common.unknownValue") : "–", number(residencyPercent(f), 1)] };
              }),
            }}
          >
            <LabelledBars
              rows={ordered.map((c) => {
                const f = shown(c);
                return { name: c.vendorName, value: residencyPercent(f), label: f.residency ? t(labelKey("assessments.class_", f.residency) ?? "common.unknownValue") : "–" };
              })}
            />
          </ChartFigure>
        </Card>
      </div>

      <Card title={t("compare.differing")}>
        <p className="mb-2 text-sm text-slate-600">{t("compare.differingHelp")}</p>
        {comparison.differing.length === 0 ? (
          <p className="text-sm">{t("compare.differingNone")}</p>
        ) : (
          <ScrollRegion label={t("compare.differing")}>
            <table className="min-w-full text-sm" data-testid="differing">
              <thead>
                <tr className="border-b border-slate-200 text-left">
                  <th scope="col" className="py-1 pr-3">{t("compare.question")}</th>
                  <th scope="col" className="py-1 pr-3 text-right">{t("compare.spread")}</th>
                  {comparison.candidates.map((c) => (
                    <th key={c.vendorId} scope="col" className="py-1 pr-3">
                      {c.vendorName}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.differing.map((d) => (
                  <tr key={d.key} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1 pr-3 text-left font-medium">
                      {d.label}
                      <div className="text-xs font-normal text-slate-500">{d.key}</div>
                    </th>
                    <td className="py-1 pr-3 text-right tabular-nums">{d.spread}</td>
                    {d.cells.map((cell, i) => (
                      <td key={i} className="py-1 pr-3">
                        {cell.unknown ? <UnknownMark>{cell.text}</UnknownMark> : cell.text}
                        {cell.points !== null ? <span className="ml-1 text-xs text-slate-500">({cell.points})</span> : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>

      <Card title={t("compare.export")}>
        <ul className="flex flex-wrap gap-3 text-sm">
          {(["csv", "xlsx", "json", "pdf"] as const).map((format) => (
            <li key={format}>
              <a href={exportQuery(format)} className="underline" download>
                {t(EXPORT_LABELS[format])}
              </a>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

/** The export links' labels, one key per format (typed: a missing key does not compile). */
const EXPORT_LABELS = { csv: "compare.exportCsv", xlsx: "compare.exportXlsx", json: "compare.exportJson", pdf: "compare.exportPdf" } as const satisfies Record<string, MessageKey>;

export default function ComparePage() {
  const { vendorIds, profileId, choices, profiles, result, search } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="space-y-6">
      <PageHeader title={t("compare.title")} />
      <Picker choices={choices} selected={vendorIds.slice(0, MAX_CANDIDATES)} profileId={profileId} search={search} />
      {result && !result.ok ? <Refusal refusal={result.refusal} /> : null}
      {result?.ok ? <ComparisonView comparison={result} vendorIds={vendorIds} profileId={profileId} profiles={profiles} /> : null}
    </div>
  );
}
