import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import type { EditorLink } from "~/modules/provision-links/get-provision-links.server";
import { useT } from "~/utils/use-t";
import { fieldClass, LinkRow, RelationshipSelect } from "./link-row";

export interface EditorQuestion {
  key: string;
  label: { en: string; de: string };
  references: { en: string; de: string }[];
  links: EditorLink[];
}

/** One question with its links and, for a template writer, the form that adds a link. */
export function QuestionLinks({
  question,
  canWrite,
}: {
  question: EditorQuestion;
  canWrite: boolean;
}) {
  const { t, locale } = useT();
  return (
    <li id={`q-${question.key}`} className="space-y-2">
      <p className="font-medium text-slate-900">{question.label[locale]}</p>
      {question.references.length > 0 ? (
        <p className="text-xs text-slate-500">
          {t("provisionLinks.references")}:{" "}
          {question.references.map((ref) => ref[locale]).join(" · ")}
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
            className={`${fieldClass} w-full font-mono sm:w-72`}
          />
          <RelationshipSelect />
          <input
            name="rationale"
            required
            maxLength={500}
            aria-label={t("provisionLinks.rationale")}
            placeholder={t("provisionLinks.rationale")}
            className={`${fieldClass} w-full sm:w-80`}
          />
          <Button type="submit" name="intent" value="add">
            {t("provisionLinks.add")}
          </Button>
        </Form>
      ) : null}
    </li>
  );
}
