import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { changeProvisionLink } from "~/modules/provision-links/change-provision-link.server";
import {
  getProvisionLinks,
  type EditorLink,
} from "~/modules/provision-links/get-provision-links.server";
import { LINK_RELATIONSHIPS } from "~/reference-data/template-provision-links";
import { DomainError, statusForCode } from "~/utils/errors";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { labelKey, type LocalizedMessage } from "~/utils/i18n";
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
  const form = await readFormData(request);
  const fields = Object.fromEntries(
    [...form.entries()].map(([key, value]) => [key, typeof value === "string" ? value : ""]),
  );
  try {
    const { questionKey } = await changeProvisionLink(actor, params.templateId ?? "", fields);
    return redirect(
      `/templates/${params.templateId}/links?notice=saved#q-${encodeURIComponent(questionKey)}`,
    );
  } catch (error) {
    // NOT_FOUND (a foreign template) stays a 404 page; the rest is a message on the form.
    if (!(error instanceof DomainError) || error.code === "NOT_FOUND")
      return runUseCase(() => Promise.reject(error));
    return data(
      {
        problem: error.userMessage as LocalizedMessage,
        questionKey: fields.questionKey ?? fields.linkId ?? "",
      },
      { status: statusForCode(error.code) },
    );
  }
}

const fieldClass = "rounded-md border border-slate-300 px-2 py-1 text-sm";

function RelationshipSelect({ value }: { value?: string }) {
  const { t } = useT();
  return (
    <select
      name="relationship"
      defaultValue={value ?? "subset"}
      className={fieldClass}
      aria-label={t("provisionLinks.relationship")}
    >
      {LINK_RELATIONSHIPS.map((r) => (
        <option key={r} value={r}>
          {t(labelKey("provisionLinks.relationship_", r) ?? "common.unknownValue")}
        </option>
      ))}
    </select>
  );
}

function LinkRow({ link, canWrite }: { link: EditorLink; canWrite: boolean }) {
  const { t, locale } = useT();
  const provision = link.provision;
  const title = provision ? (locale === "de" ? provision.titleDe : provision.titleEn) : null;
  return (
    <li className="space-y-1 border-t border-slate-100 py-2" data-testid="provision-link">
      <div className="text-sm">
        <span className="font-medium">{provision?.label ?? link.provisionKey}</span>
        {title ? <span> — {title}</span> : null}
        <span className="ml-2 text-xs text-slate-500">
          {provision
            ? `${locale === "de" ? provision.instrumentTitleDe : provision.instrumentTitleEn} · ${t(provision.confirmed ? "provisionLinks.confirmed" : "provisionLinks.unconfirmed")}`
            : t("provisionLinks.unknownProvision")}
          {` · ${t(labelKey("provisionLinks.origin_", link.origin) ?? "common.unknownValue")}`}
        </span>
        <div className="font-mono text-xs text-slate-500">{link.provisionKey}</div>
      </div>
      {canWrite ? (
        <div className="flex flex-wrap items-end gap-2">
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="linkId" value={link.id} />
            <input type="hidden" name="seenUpdatedAt" value={link.updatedAt} />
            <RelationshipSelect value={link.relationship} />
            <input
              name="rationale"
              defaultValue={link.rationale}
              maxLength={500}
              required
              aria-label={t("provisionLinks.rationale")}
              className={`${fieldClass} w-96`}
            />
            <Button type="submit" name="intent" value="update" variant="secondary">
              {t("provisionLinks.save")}
            </Button>
          </Form>
          <Form method="post">
            <input type="hidden" name="linkId" value={link.id} />
            <input type="hidden" name="seenUpdatedAt" value={link.updatedAt} />
            <Button type="submit" name="intent" value="remove" variant="secondary">
              {t("provisionLinks.remove")}
            </Button>
          </Form>
        </div>
      ) : (
        <p className="text-sm text-slate-700">
          {t(labelKey("provisionLinks.relationship_", link.relationship) ?? "common.unknownValue")}:{" "}
          {link.rationale}
        </p>
      )}
    </li>
  );
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
      <Card>
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <label className="space-y-1 text-sm">
            <span className="block font-medium text-slate-800">
              {t("provisionLinks.searchLabel")}
            </span>
            <input
              name="q"
              defaultValue={search}
              maxLength={100}
              className={`${fieldClass} w-96`}
            />
          </label>
          <Button type="submit" variant="secondary">
            {t("provisionLinks.searchSubmit")}
          </Button>
        </Form>
        {search ? (
          results.length === 0 ? (
            <p className="mt-2 text-sm">{t("provisionLinks.searchNoResults", { query: search })}</p>
          ) : (
            <>
              <p className="mt-2 text-xs text-slate-500">{t("provisionLinks.searchHint")}</p>
              <ul className="mt-2 space-y-1 text-sm" data-testid="provision-search-results">
                {results.map((p) => (
                  <li key={p.key}>
                    <span className="font-mono text-xs">{p.key}</span> · {p.label}
                    {(locale === "de" ? p.titleDe : p.titleEn)
                      ? ` — ${locale === "de" ? p.titleDe : p.titleEn}`
                      : ""}
                    <span className="text-xs text-slate-500">
                      {" "}
                      ({locale === "de" ? p.instrumentTitleDe : p.instrumentTitleEn} ·{" "}
                      {t(p.confirmed ? "provisionLinks.confirmed" : "provisionLinks.unconfirmed")})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )
        ) : null}
      </Card>
      {version === null ? <Alert tone="info">{t("provisionLinks.noVersion")}</Alert> : null}
      {sections.map((section) => (
        <Card key={section.key} title={section.title[locale]}>
          <ul className="space-y-6">
            {section.questions.map((question) => (
              <li key={question.key} id={`q-${question.key}`} className="space-y-2">
                <p className="font-medium text-slate-900">{question.label[locale]}</p>
                {question.references.length > 0 ? (
                  <p className="text-xs text-slate-500">
                    {t("provisionLinks.references")}: {question.references.join(" · ")}
                  </p>
                ) : null}
                {question.links.length === 0 ? (
                  <p className="text-sm text-slate-500">{t("provisionLinks.noLinks")}</p>
                ) : (
                  <ul>
                    {question.links.map((link) => (
                      <LinkRow key={link.id} link={link} canWrite={canWrite} />
                    ))}
                  </ul>
                )}
                {canWrite ? (
                  <Form method="post" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="questionKey" value={question.key} />
                    <input
                      name="provisionKey"
                      required
                      maxLength={300}
                      placeholder="eu:2016/679:art:28:par:3:pt:a"
                      aria-label={t("provisionLinks.provisionKey")}
                      className={`${fieldClass} w-72 font-mono`}
                    />
                    <RelationshipSelect />
                    <input
                      name="rationale"
                      required
                      maxLength={500}
                      aria-label={t("provisionLinks.rationale")}
                      placeholder={t("provisionLinks.rationale")}
                      className={`${fieldClass} w-80`}
                    />
                    <Button type="submit" name="intent" value="add">
                      {t("provisionLinks.add")}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
