import { Link, useLocation } from "@remix-run/react";
import { Card } from "~/components/ui/layout";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { useT } from "~/utils/use-t";
import type { AuditPageView } from "./audit-view";

/** One page of audit events (newest first) with the payload behind a disclosure, and newer/older links. */
export function AuditEventsCard({
  page,
  filtered,
}: {
  page: AuditPageView["page"];
  filtered: boolean;
}) {
  const location = useLocation();
  const { t, date } = useT();
  // Paging keeps the filters: only the cursor in the query string changes.
  const pageLink = (cursor: { before?: number; after?: number } | null) => {
    const params = new URLSearchParams(location.search);
    params.delete("before");
    params.delete("after");
    if (cursor?.before !== undefined) params.set("before", String(cursor.before));
    if (cursor?.after !== undefined) params.set("after", String(cursor.after));
    const search = params.toString();
    return `/audit${search ? `?${search}` : ""}`;
  };
  return (
    <Card title={t("audit.eventsHeading")}>
      {page.events.length === 0 ? (
        <p className="text-sm text-slate-600">
          {filtered ? t("audit.noMatches") : t("audit.empty")}
        </p>
      ) : (
        <ScrollRegion label={t("audit.eventsHeading")}>
          <table className="min-w-full text-left text-sm" data-testid="audit-events">
            <caption className="sr-only">{t("audit.eventsHeading")}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("audit.colSeq")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("audit.colTime")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("audit.colActor")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("audit.colAction")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("audit.colTarget")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("audit.colIp")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("audit.colHash")}
                </th>
                <th scope="col" className="py-2">
                  {t("audit.colDetails")}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.events.map((event) => (
                <tr key={event.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3 tabular-nums">{event.seq}</td>
                  <td className="whitespace-nowrap py-2 pr-3">
                    <time dateTime={event.createdAt}>{date(event.createdAt, true)}</time>
                  </td>
                  <td className="py-2 pr-3">
                    {event.actorLabel}
                    {event.actorType !== "user" ? (
                      <span className="ml-1 text-xs text-slate-500">({event.actorType})</span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3">
                    <code className="font-mono text-xs">{event.action}</code>
                  </td>
                  <td className="py-2 pr-3 text-xs">
                    {event.targetType ? (
                      <>
                        {event.targetType}
                        <span className="block break-all font-mono text-slate-600">
                          {event.targetId}
                        </span>
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td className="py-2 pr-3 font-mono text-xs">{event.ipAddress ?? "–"}</td>
                  <td className="py-2 pr-3">
                    <code className="font-mono text-xs" title={t("audit.hashTitle")}>
                      {event.hashShort}
                    </code>
                  </td>
                  <td className="py-2">
                    <details>
                      <summary className="cursor-pointer text-brand-700">
                        {t("audit.showPayload")}
                      </summary>
                      {!event.payloadValid ? (
                        <p className="text-xs text-amber-800">{t("audit.payloadInvalid")}</p>
                      ) : null}
                      <pre className="mt-1 max-w-md overflow-x-auto rounded bg-slate-100 p-2 text-xs">
                        {event.payload}
                      </pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <nav aria-label={t("audit.pagination")} className="mt-4 flex flex-wrap gap-3 text-sm">
        {page.newerCursor !== null ? (
          <>
            <Link className="text-brand-700 underline" to={pageLink(null)}>
              {t("audit.newest")}
            </Link>
            <Link
              className="text-brand-700 underline"
              to={pageLink({ after: page.newerCursor })}
              rel="prev"
            >
              {t("audit.newer")}
            </Link>
          </>
        ) : null}
        {page.olderCursor !== null ? (
          <Link
            className="text-brand-700 underline"
            to={pageLink({ before: page.olderCursor })}
            rel="next"
          >
            {t("audit.older")}
          </Link>
        ) : null}
      </nav>
    </Card>
  );
}
