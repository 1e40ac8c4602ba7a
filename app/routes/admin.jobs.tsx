import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { isJobKind } from "~/modules/jobs/job-kinds";
import { listDeadJobs } from "~/modules/jobs/list-dead-jobs.server";
import {
  runDeadJobAction,
  type DeadJobActionData,
} from "~/modules/jobs/run-dead-job-action.server";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import type { MessageKey } from "~/utils/i18n";
import { translatedTitle } from "~/utils/page-title";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "admin.jobsTitle")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "job:manage");
  const jobs = await runUseCase(() => listDeadJobs(actor));
  return { jobs };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "job:manage");
  const result = await runDeadJobAction(actor, await readFormData(request));
  return data<DeadJobActionData>(result.body, { status: result.status });
}

const KIND_LABELS: Record<string, MessageKey> = {
  "mail.send": "admin.jobKindMail",
  "reminder.send": "admin.jobKindReminder",
  "regulations.daily": "admin.jobKindRegulationsDaily",
};

export default function AdminJobsPage() {
  const { jobs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t, tm, date } = useT();
  return (
    <div className="space-y-6">
      <PageHeader title={t("admin.jobsTitle")}>{t("admin.jobsIntro")}</PageHeader>
      {actionData ? (
        <Alert tone={actionData.ok ? "success" : "error"}>{tm(actionData.message)}</Alert>
      ) : null}
      <Card title={t("admin.jobsHeading", { count: jobs.length })}>
        {jobs.length === 0 ? (
          <p className="text-sm text-slate-700">{t("admin.jobsNone")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="dead-jobs">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th className="py-2 pr-3">{t("admin.jobColKind")}</th>
                <th className="py-2 pr-3">{t("admin.jobColAttempts")}</th>
                <th className="py-2 pr-3">{t("admin.jobColLastError")}</th>
                <th className="py-2 pr-3">{t("admin.jobColCreated")}</th>
                <th className="py-2">
                  <span className="sr-only">{t("admin.jobColActions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3">
                    {isJobKind(job.kind) && KIND_LABELS[job.kind]
                      ? t(KIND_LABELS[job.kind]!)
                      : job.kind}
                  </td>
                  <td className="py-2 pr-3">{job.attempts}</td>
                  <td className="py-2 pr-3 break-all text-slate-700">{job.lastError ?? "–"}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{date(job.createdAt, true)}</td>
                  <td className="py-2">
                    <Form method="post" className="flex gap-2">
                      <input type="hidden" name="jobId" value={job.id} />
                      <Button type="submit" name="intent" value="retry" disabled={busy}>
                        {t("admin.jobRetry")}
                      </Button>
                      <Button
                        type="submit"
                        name="intent"
                        value="discard"
                        variant="secondary"
                        disabled={busy}
                      >
                        {t("admin.jobDiscard")}
                      </Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
