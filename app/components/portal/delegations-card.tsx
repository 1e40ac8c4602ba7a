import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import type { getDelegationPage } from "~/modules/portal/delegate-list.server";
import { useT } from "~/utils/use-t";

/** The delegation page as its loader hands it to the browser. */
export type DelegationPageView = SerializeFrom<typeof getDelegationPage>;

/** The colleagues this contact has invited, each with its state and a button to revoke it. */
export function DelegationsCard({ page }: { page: DelegationPageView }) {
  const { t, locale, date } = useT();
  const titleOf = (key: string) => page.sections.find((s) => s.key === key)?.title[locale] ?? key;
  return (
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
  );
}
