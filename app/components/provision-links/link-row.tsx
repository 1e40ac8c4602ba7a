import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import type { EditorLink } from "~/modules/provision-links/get-provision-links.server";
import { LINK_RELATIONSHIPS } from "~/reference-data/template-provision-links";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

// The link editor's rows (issue 14 item 4): plain forms, so the page works without JavaScript.

export const fieldClass = "rounded-md border border-slate-300 px-2 py-1 text-sm";

export function RelationshipSelect({ value }: { value?: string }) {
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

export function LinkRow({ link, canWrite }: { link: EditorLink; canWrite: boolean }) {
  const { t, locale } = useT();
  const provision = link.provision;
  const title = provision ? (locale === "de" ? provision.titleDe : provision.titleEn) : null;
  return (
    <li className="space-y-1 border-t border-slate-100 py-2" data-testid="provision-link">
      <div className="text-sm">
        <span className="font-medium">{link.citation[locale]}</span>
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
              className={`${fieldClass} w-full sm:w-96`}
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
