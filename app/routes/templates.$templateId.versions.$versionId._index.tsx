import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TemplateReading } from "~/components/templates/template-reading";
import { PageHeader } from "~/components/ui/layout";
import { getSessionUserLocale, requirePermission } from "~/modules/auth/guards.server";
import { readTemplateVersion } from "~/modules/templates/read-template-version.server";
import { runUseCase } from "~/utils/http.server";
import { isLocale, isMessageKey, translate } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { metaLocale, pageTitle } from "~/utils/page-title";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = metaLocale(matches);
  return [
    pageTitle(
      data
        ? translate(locale, "templateReader.pageTitle", {
            name: data.template.name,
            version: data.version.version,
          })
        : null,
      translate(locale, "templates.title"),
    ),
  ];
};

/**
 * A template version, read-only (issue 15 item 8). The questionnaire is shown in the reader's
 * language unless ?lang=de|en asks for the other one; any other value falls back to the reader's
 * language and says so. The export of the same version stays at ./export (a sibling route).
 */
import { en } from "~/locales/en";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "template:read");
  const uiLocale = await resolveLocale(request, await getSessionUserLocale(request, context));
  const requested = new URL(request.url).searchParams.get("lang");
  const contentLocale = isLocale(requested) ? requested : uiLocale;
  const page = await runUseCase(() =>
    readTemplateVersion(actor, {
      templateId: params.templateId,
      versionId: params.versionId,
      locale: contentLocale,
    }),
  );
  return {
    ...page,
    // The question's labels in the content language, from the server's dictionaries: the browser
    // holds only the reader's language (ADR 0046), so it could not translate them itself.
    contentLabels: Object.fromEntries(
      Object.keys(en.templateReader)
        .map((name) => `templateReader.${name}`)
        .filter(isMessageKey)
        .map((key) => [key, translate(contentLocale, key)]),
    ) as Record<string, string>,
    invalidLanguage: requested !== null && !isLocale(requested) ? requested.slice(0, 20) : null,
  };
}

export default function TemplateVersionPage() {
  const { template, version, content, contentLabels, invalidLanguage } =
    useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="space-y-6">
      <Link to={`/templates/${template.id}`} className="text-sm text-brand-700 hover:underline">
        ← {template.name}
      </Link>
      <PageHeader
        title={t("templateReader.heading", { name: template.name, version: version.version })}
      >
        {t("templateReader.intro")}
      </PageHeader>
      <TemplateReading
        templateId={template.id}
        version={version}
        content={content}
        contentLabels={contentLabels}
        invalidLanguage={invalidLanguage}
      />
    </div>
  );
}
