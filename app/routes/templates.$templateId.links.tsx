import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ProvisionSearch } from "~/components/provision-links/provision-search";
import { QuestionLinks } from "~/components/provision-links/question-links";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { getProvisionLinks } from "~/modules/provision-links/get-provision-links.server";
import { runProvisionLinkForm } from "~/modules/provision-links/run-provision-link-form.server";
import { runUseCase } from "~/utils/http.server";
import { translatedTitle } from "~/utils/page-title";
import { can } from "~/utils/permissions";
import { useT } from "~/utils/use-t";

// The question ↔ provision link editor (issue 14 item 4): forms without JavaScript, one post per
// change; the use case checks tenancy, the catalogue the organisation sees and the link's
// version as shown (a colleague's change in between is refused with a message).

export const meta: MetaFunction = ({ matches }) => [
  translatedTitle(matches, "provisionLinks.pageTitle"),
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "template:read");
  const search = new URL(request.url).searchParams.get("q");
  const page = await runUseCase(() =>
    getProvisionLinks(actor, { templateId: params.templateId ?? "", search }),
  );
  return { ...page, canWrite: can(actor.role, "template:edit") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "template:edit");
  const answer = await runUseCase(() =>
    runProvisionLinkForm(actor, params.templateId ?? "", request),
  );
  if (answer.kind === "done") return redirect(answer.redirectTo);
  return data({ problem: answer.problem }, { status: answer.status });
}

export default function ProvisionLinksPage() {
  const { template, sections, search, results, canWrite, version } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, tm, locale } = useT();
  return (
    <div className="space-y-6">
      <Link to={`/templates/${template.id}`} className="text-sm text-brand-700 hover:underline">
        ← {t("provisionLinks.backToTemplate")}
      </Link>
      <PageHeader
        title={`${t("provisionLinks.pageTitle")}: ${template.name}`}
        actions={
          <a
            href={`/templates/${template.id}/oscal-mapping`}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            {t("provisionLinks.exportOscal")}
          </a>
        }
      >
        {t("provisionLinks.pageIntro")}
      </PageHeader>
      {answer?.problem ? <Alert tone="error">{tm(answer.problem)}</Alert> : null}
      {params.get("notice") === "saved" && !answer ? (
        <Alert tone="success">{t("provisionLinks.noticeSaved")}</Alert>
      ) : null}
      <ProvisionSearch search={search} results={results} />
      {version === null ? <Alert tone="info">{t("provisionLinks.noVersion")}</Alert> : null}
      {sections.map((section) => (
        <Card key={section.key} title={section.title[locale]}>
          <ul className="space-y-6">
            {section.questions.map((question) => (
              <QuestionLinks key={question.key} question={question} canWrite={canWrite} />
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
