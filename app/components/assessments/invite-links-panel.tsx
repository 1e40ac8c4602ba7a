import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";

/**
 * The assessor's invite links of one assessment: create (contact, language, validity), and per
 * link its contact, language, dates, last use (coarse address, user agent), uses, status,
 * delegated sections and who delegated, with Revoke and Re-issue. A new or re-issued URL is
 * shown once, right after the action that made it.
 */
export interface InviteLinkRow {
  id: string;
  contactEmail: string;
  contactName: string | null;
  locale: string;
  createdAt: string | Date;
  expiresAt: string | Date;
  rotatedAt: string | Date | null;
  lastUsedAt: string | Date | null;
  lastUsedIp: string | null;
  lastUsedUserAgent: string | null;
  useCount: number;
  sections: string[] | null;
  status: "active" | "rotated" | "expired" | "revoked";
  delegatedBy: { id: string; contactEmail: string; contactName: string | null } | null;
  /** Active, but stops working before the end of the due day (warned, see invite-expiry.ts). */
  expiresBeforeDue?: boolean;
}

export interface InviteLinksPanelProps {
  links: InviteLinkRow[];
  ttlDays: number;
  defaultTtlDays: number;
  /** Section key → title, for delegated links. */
  sectionTitles: Record<string, string>;
  canWrite: boolean;
  /** Whether new links can be sent (the vendor is answering or the assessment is a draft). */
  open: boolean;
  /** Where the forms post (the assessment page, carrying its tab). */
  formAction: string;
  /** Show the create form unfolded (the next-step link asked for it). */
  createOpen?: boolean;
  /** The assessment's due date: links expiring before it are flagged with "extend to the due date". */
  dueDate?: string | Date | null;
  /** What the last invite action returned (the URL is shown only then). */
  result?: {
    intent: string;
    inviteUrl?: string;
    contactEmail?: string;
    extendedUntil?: string;
    errors?: Record<string, string>;
  } | null;
}

export function InviteLinksPanel({
  links,
  ttlDays,
  defaultTtlDays,
  sectionTitles,
  canWrite,
  open,
  formAction,
  createOpen = false,
  dueDate = null,
  result,
}: InviteLinksPanelProps) {
  const { t, locale, date } = useT();
  const createErrors = result?.intent === "createInvite" ? (result.errors ?? {}) : {};
  // Closed until opened, but open again after a refused submission so its errors show.
  const createUnfolded = createOpen || Object.keys(createErrors).length > 0;
  const shownUrl =
    result?.inviteUrl && (result.intent === "createInvite" || result.intent === "reissueInvite")
      ? result
      : null;
  const expiringEarly = dueDate ? links.filter((link) => link.expiresBeforeDue) : [];
  return (
    <Card title={<span id="invite-links">{t("access.panelTitle")}</span>}>
      {dueDate && expiringEarly.length > 0 ? (
        <div className="mb-3" data-testid="invite-expiry-warning">
          <Alert tone="warning">
            {t("portalFinish.expiryWarningSummary", {
              count: expiringEarly.length,
              due: date(dueDate),
            })}
          </Alert>
        </div>
      ) : null}
      {result?.intent === "extendInvite" && result.extendedUntil ? (
        <div className="mb-3">
          <Alert tone="success">
            {t("portalFinish.extended", {
              email: result.contactEmail ?? "",
              date: date(result.extendedUntil),
            })}
          </Alert>
        </div>
      ) : null}
      {shownUrl ? (
        <Alert tone="success">
          {t(shownUrl.intent === "reissueInvite" ? "access.reissued" : "access.created", {
            email: shownUrl.contactEmail ?? "",
          })}
          <code
            data-testid="invite-url"
            className="mt-1 block break-all rounded bg-white p-2 font-mono text-xs"
          >
            {shownUrl.inviteUrl}
          </code>
        </Alert>
      ) : null}
      {canWrite && open ? (
        <details
          id="invite-form"
          className="mt-3"
          open={createUnfolded}
          data-testid="invite-form-disclosure"
        >
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {t("access.createSubmit")}
          </summary>
          <Form
            method="post"
            action={formAction}
            className="mt-3 grid gap-3 sm:grid-cols-2"
            data-testid="invite-form"
          >
            <input type="hidden" name="intent" value="createInvite" />
            <TextField
              label={t("access.contactEmail")}
              name="contactEmail"
              type="email"
              required
              maxLength={320}
              error={createErrors.contactEmail ? t("access.invalidEmail") : null}
            />
            <TextField label={t("access.contactName")} name="contactName" maxLength={200} />
            <SelectField
              label={t("access.language")}
              name="locale"
              defaultValue={locale}
              options={[
                { value: "de", label: t("access.language_de") },
                { value: "en", label: t("access.language_en") },
              ]}
            />
            <TextField
              label={t("access.ttlLabel")}
              name="ttlDays"
              type="number"
              min={1}
              max={180}
              required
              defaultValue={ttlDays}
              hint={t("access.ttlHint", { days: defaultTtlDays })}
              error={createErrors.ttlDays ? t("access.invalidTtl") : null}
            />
            <div className="sm:col-span-2">
              <Button type="submit">{t("access.createSubmit")}</Button>
            </div>
          </Form>
        </details>
      ) : null}
      {links.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("access.noLinks")}</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100 text-sm" data-testid="invite-list">
          {links.map((link) => (
            <li
              key={link.id}
              className="flex flex-wrap items-start justify-between gap-2 py-3"
              data-testid="invite-link"
              data-status={link.status}
            >
              <div className="space-y-0.5">
                <p className="font-medium">
                  {link.contactName ? `${link.contactName} · ` : ""}
                  {link.contactEmail}
                  <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                    {t(`access.language_${link.locale === "de" ? "de" : "en"}`)}
                  </span>
                </p>
                <p className="text-slate-600">
                  <span data-testid="invite-status">{t(`access.status_${link.status}`)}</span> ·{" "}
                  {t("access.createdOn", { date: date(link.createdAt) })} ·{" "}
                  {t("access.expiresOn", { date: date(link.expiresAt) })}
                  {link.rotatedAt
                    ? ` · ${t("access.reissuedOn", { date: date(link.rotatedAt, true) })}`
                    : ""}
                </p>
                <p className="text-slate-600" data-testid="invite-last-use">
                  {link.lastUsedAt
                    ? `${t("access.lastUse", { date: date(link.lastUsedAt, true), ip: link.lastUsedIp ?? "?", agent: (link.lastUsedUserAgent ?? "?").slice(0, 80) })} · ${t("access.useCount", { count: link.useCount })}`
                    : t("access.neverUsed")}
                </p>
                {link.sections ? (
                  <p className="text-slate-600">
                    {t("access.sectionsList", {
                      sections: link.sections.map((key) => sectionTitles[key] ?? key).join(", "),
                    })}
                  </p>
                ) : null}
                {dueDate && link.expiresBeforeDue ? (
                  <p className="font-medium text-amber-900" data-testid="invite-expires-before-due">
                    {t("portalFinish.expiresBeforeDue", {
                      expires: date(link.expiresAt),
                      due: date(dueDate),
                    })}
                  </p>
                ) : null}
                {link.delegatedBy ? (
                  <p className="text-slate-600">
                    {t("access.delegatedBy", {
                      who: link.delegatedBy.contactName
                        ? `${link.delegatedBy.contactName} (${link.delegatedBy.contactEmail})`
                        : link.delegatedBy.contactEmail,
                    })}
                  </p>
                ) : null}
              </div>
              {canWrite && link.status !== "revoked" ? (
                <div className="flex flex-wrap gap-2">
                  {open && dueDate && link.expiresBeforeDue ? (
                    <Form method="post" action={formAction}>
                      <input type="hidden" name="intent" value="extendInvite" />
                      <input type="hidden" name="inviteId" value={link.id} />
                      <Button
                        type="submit"
                        aria-label={t("portalFinish.extendToDueLabel", {
                          email: link.contactEmail,
                        })}
                      >
                        {t("portalFinish.extendToDue")}
                      </Button>
                    </Form>
                  ) : null}
                  {open ? (
                    <Form method="post" action={formAction}>
                      <input type="hidden" name="intent" value="reissueInvite" />
                      <input type="hidden" name="inviteId" value={link.id} />
                      <Button type="submit" variant="secondary">
                        {t("access.reissue")}
                      </Button>
                    </Form>
                  ) : null}
                  <Form method="post" action={formAction}>
                    <input type="hidden" name="intent" value="revokeInvite" />
                    <input type="hidden" name="inviteId" value={link.id} />
                    <Button type="submit" variant="secondary">
                      {t("access.revoke")}
                    </Button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
