import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChangeFeedFiltersForm } from "~/components/regulations/change-feed-filters-form";
import { ChangeFeedTable } from "~/components/regulations/change-feed-table";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { parseChangeFeedFilters } from "~/modules/regulations/change-feed-filters";
import {
  listChangeEvents,
  listChangeInstruments,
} from "~/modules/regulations/list-change-events.server";
import { reviewChangeCandidate } from "~/modules/regulations/review-change-candidate.server";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { translatedTitle } from "~/utils/page-title";
import { useT } from "~/utils/use-t";

// The change feed of the regulation catalogue (issue 14 item 5). Filters are a GET form, so a
// filtered view is a shareable URL; the detail page /regulations/changes/<id> is another route's.

export const meta: MetaFunction = ({ matches }) => [
  translatedTitle(matches, "regulationChanges.pageTitle"),
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "regulation-change:read");
  const { filters, values, errors } = parseChangeFeedFilters(new URL(request.url).searchParams);
  const reader = { organizationId: actor.organizationId };
  const [rows, instruments] = await Promise.all([
    listChangeEvents(reader, filters),
    listChangeInstruments(reader),
  ]);
  const page = {
    rows: rows.map((row) => ({ ...row, reviewable: row.candidate && row.own })),
    instruments,
    values,
    errors,
    canReview: can(actor.role, "regulation-change:review"),
    canImport: can(actor.role, "framework:import"),
  };
  return data(page, { status: Object.keys(errors).length > 0 ? 400 : 200 });
}

/** Confirm or dismiss a sync candidate of the organisation (no JavaScript needed). */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "regulation-change:review");
  const form = await readFormData(request);
  const outcome = await runUseCase(() =>
    reviewChangeCandidate(actor, {
      changeEventId: form.get("changeEventId"),
      intent: form.get("intent"),
    }),
  );
  return { outcome };
}

export default function RegulationChangesPage() {
  const { rows, instruments, values, errors, canReview, canImport } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="space-y-4">
      <PageHeader title={t("regulationChanges.pageTitle")}>
        {t("regulationChanges.pageIntro")}
      </PageHeader>
      {canImport ? (
        <p>
          <Link to="/regulations/import" className="text-sm text-brand-700 hover:underline">
            {t("frameworkImport.pageTitle")} →
          </Link>
        </p>
      ) : null}
      {answer?.outcome ? (
        <Alert tone="success">
          {t(
            answer.outcome === "confirmed"
              ? "regulationChanges.candidateConfirmed"
              : "regulationChanges.candidateDismissed",
          )}
        </Alert>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <Alert tone="error">{t("regulationChanges.badFilters")}</Alert>
      ) : null}
      <Card>
        <ChangeFeedFiltersForm values={values} errors={errors} instruments={instruments} />
      </Card>
      <Card>
        <p className="mb-2 text-sm text-slate-600">
          {t("regulationChanges.shown", { count: rows.length })}
        </p>
        <ChangeFeedTable rows={rows} canReview={canReview} />
      </Card>
    </div>
  );
}
