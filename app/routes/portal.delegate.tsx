import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { getDelegationPage } from "~/modules/portal/delegate-list.server";
import { revokeDelegation } from "~/modules/portal/delegate-revoke.server";
import { delegateSchema, delegateSections } from "~/modules/portal/delegate-sections.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { DomainError } from "~/utils/errors";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { name: "robots", content: "noindex, nofollow" },
  translatedTitle(matches, "access.delegateTitle"),
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  return runUseCase(() => getDelegationPage(actor));
}

type ActionResult = {
  intent: string;
  sentTo?: string;
  error?: "delegateInvalidEmail" | "delegateNoSections" | "delegateClosed" | "delegateRateLimited";
  minutes?: number;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "revoke") {
    await runUseCase(() =>
      revokeDelegation(actor, { inviteId: String(form.get("inviteId") ?? "") }),
    );
    return data<ActionResult>({ intent });
  }
  if (intent !== "delegate") return data<ActionResult>({ intent }, { status: 400 });
  const parsed = delegateSchema.safeParse({
    contactEmail: form.get("contactEmail"),
    contactName: form.get("contactName") ?? undefined,
    locale: form.get("locale") ?? undefined,
    sections: form.getAll("sections"),
  });
  if (!parsed.success) {
    const emailWrong = parsed.error.issues.some((i) => i.path[0] === "contactEmail");
    return data<ActionResult>(
      { intent, error: emailWrong ? "delegateInvalidEmail" : "delegateNoSections" },
      { status: 400 },
    );
  }
  try {
    await delegateSections(actor, parsed.data);
  } catch (error) {
    if (error instanceof DomainError && error.code === "INVALID_STATE")
      return data<ActionResult>({ intent, error: "delegateClosed" }, { status: 409 });
    if (error instanceof DomainError && error.code === "VALIDATION")
      return data<ActionResult>({ intent, error: "delegateNoSections" }, { status: 400 });
    if (error instanceof DomainError && error.code === "RATE_LIMITED") {
      const seconds = Number(error.details?.retryAfterSeconds ?? 60);
      return data<ActionResult>(
        { intent, error: "delegateRateLimited", minutes: Math.ceil(seconds / 60) },
        { status: 429 },
      );
    }
    return runUseCase(() => Promise.reject(error));
  }
  return data<ActionResult>({ intent, sentTo: parsed.data.contactEmail });
}

export default function PortalDelegatePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t, locale, date } = useT();
  const titleOf = (key: string) => page.sections.find((s) => s.key === key)?.title[locale] ?? key;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/portal" className="text-sm underline">
          {t("access.backToQuestionnaire")}
        </Link>
      </p>
      <Card>
        <h1 className="text-xl font-semibold">{t("access.delegateTitle")}</h1>
        <p className="mt-2 text-slate-700">{t("access.delegateIntro")}</p>
        {result?.sentTo ? (
          <div className="mt-3">
            <Alert tone="success">{t("access.delegateSent", { email: result.sentTo })}</Alert>
          </div>
        ) : null}
        {result?.intent === "revoke" ? (
          <div className="mt-3">
            <Alert tone="success">{t("access.delegationRevoked")}</Alert>
          </div>
        ) : null}
        {result?.error ? (
          <div className="mt-3">
            <Alert tone="error">
              {t(`access.${result.error}`, { minutes: result.minutes ?? 1 })}
            </Alert>
          </div>
        ) : null}
        {page.open ? (
          <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="delegate" />
            <TextField
              label={t("access.delegateEmail")}
              name="contactEmail"
              type="email"
              required
              maxLength={320}
            />
            <TextField label={t("access.delegateName")} name="contactName" maxLength={200} />
            <SelectField
              label={t("access.delegateLanguage")}
              name="locale"
              defaultValue={locale}
              options={[
                { value: "de", label: t("access.language_de") },
                { value: "en", label: t("access.language_en") },
              ]}
            />
            <fieldset className="sm:col-span-2">
              <legend className="text-sm font-medium text-slate-800">
                {t("access.delegateSections")}
              </legend>
              <div className="mt-1 grid gap-1 sm:grid-cols-2">
                {page.sections.map((section) => (
                  <label key={section.key} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="sections" value={section.key} />
                    {section.title[locale]}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="sm:col-span-2">
              <Button type="submit">{t("access.delegateSubmit")}</Button>
            </div>
          </Form>
        ) : (
          <div className="mt-3">
            <Alert tone="info">{t("access.delegateClosed")}</Alert>
          </div>
        )}
      </Card>
      <Card title={t("access.delegationsTitle")}>
        {page.delegations.length === 0 ? (
          <p className="text-sm text-slate-600">{t("access.delegationsNone")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="delegation-list">
            {page.delegations.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div>
                  <p className="font-medium">
                    {d.contactName ? `${d.contactName} · ` : ""}
                    {d.contactEmail}
                  </p>
                  <p className="text-slate-600">
                    {t(`access.status_${d.status}`)} ·{" "}
                    {t("access.expiresOn", { date: date(d.expiresAt) })} ·{" "}
                    {t("access.sectionsList", { sections: d.sections.map(titleOf).join(", ") })}
                  </p>
                </div>
                {d.status !== "revoked" && d.status !== "expired" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="inviteId" value={d.id} />
                    <Button type="submit" variant="secondary">
                      {t("access.revoke")}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
