import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { listOutboxMails, OUTBOX_PAGE_SIZE } from "~/modules/mail/list-outbox-mails.server";
import { isOutboxEnabled } from "~/modules/mail/send-mail.server";
import { notFoundResponse, runUseCase } from "~/utils/http.server";
import { isLocale, translate } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)
    ?.locale;
  return [
    { title: `${translate(isLocale(locale) ? locale : "en", "mail.outboxTitle")} · Vetted` },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Without the outbox there is no such page, whoever asks.
  if (!isOutboxEnabled()) throw notFoundResponse();
  const actor = await requirePermission(request, context, "outbox:read");
  const outbox = await runUseCase(() => listOutboxMails(actor));
  return { ...outbox, pageSize: OUTBOX_PAGE_SIZE };
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its http(s) links made clickable; everything else stays text (React escapes it). */
function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="text-brand-700 underline" rel="noreferrer">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default function DevOutboxPage() {
  const { mails, organizationName, pageSize } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  return (
    <div className="space-y-6">
      <PageHeader title={t("mail.outboxTitle")}>
        {t("mail.outboxIntro", { count: pageSize, organization: organizationName })}
      </PageHeader>
      {mails.length === 0 ? <p className="text-slate-600">{t("mail.outboxEmpty")}</p> : null}
      <ol className="space-y-4">
        {mails.map((mail) => (
          <li key={mail.id}>
            <Card>
              <article aria-label={mail.subject} data-testid="outbox-mail">
                <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-medium text-slate-600">{t("mail.outboxTo")}</dt>
                  <dd>{mail.to}</dd>
                  <dt className="font-medium text-slate-600">{t("mail.outboxSubject")}</dt>
                  <dd className="font-semibold">{mail.subject}</dd>
                  <dt className="font-medium text-slate-600">{t("mail.outboxTime")}</dt>
                  <dd>
                    <time dateTime={new Date(mail.createdAt).toISOString()}>
                      {date(mail.createdAt, true)}
                    </time>
                  </dd>
                </dl>
                <pre
                  aria-label={t("mail.outboxBody")}
                  className="mt-3 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-mono text-sm text-slate-800"
                >
                  <LinkifiedText text={mail.text} />
                </pre>
              </article>
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}
