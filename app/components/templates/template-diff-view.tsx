import type { FieldChange, TemplateDiff } from "~/modules/templates/template-diff";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/** A value of a changed field, compactly: text as is, everything else as JSON. */
function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function Changes({ changes }: { changes: FieldChange[] }) {
  const { t } = useT();
  return (
    <table className="mt-1 w-full table-fixed text-xs">
      <thead className="text-left text-slate-500">
        <tr>
          <th scope="col" className="w-1/5 py-1 pr-2">
            {t("templates.field")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t("templates.before")}
          </th>
          <th scope="col" className="py-1">
            {t("templates.after")}
          </th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field} className="border-t border-slate-100 align-top">
            <td className="py-1 pr-2 font-mono">{c.field}</td>
            <td className="break-words py-1 pr-2 text-red-800">{show(c.before)}</td>
            <td className="break-words py-1 text-green-800">{show(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The differences between two template versions (see template-diff.ts), grouped by kind. */
export function TemplateDiffView({ diff }: { diff: TemplateDiff }) {
  const { t, locale } = useT();
  if (diff.identical) return <p className="text-sm text-slate-600">{t("templates.noChanges")}</p>;
  const groups: {
    title: MessageKey;
    items: {
      key: string;
      label: { en: string; de: string };
      extra?: string;
      changes?: FieldChange[];
    }[];
  }[] = [
    { title: "templates.sectionsAdded", items: diff.sections.added },
    { title: "templates.sectionsRemoved", items: diff.sections.removed },
    {
      title: "templates.sectionsMoved",
      items: diff.sections.moved.map((m) => ({
        ...m,
        extra: t("templates.movedFromTo", { from: m.fromIndex + 1, to: m.toIndex + 1 }),
      })),
    },
    { title: "templates.sectionsChanged", items: diff.sections.changed },
    {
      title: "templates.questionsAdded",
      items: diff.questions.added.map((q) => ({ ...q, extra: q.sectionKey })),
    },
    {
      title: "templates.questionsRemoved",
      items: diff.questions.removed.map((q) => ({ ...q, extra: q.sectionKey })),
    },
    {
      title: "templates.questionsMoved",
      items: diff.questions.moved.map((m) => ({
        ...m,
        extra: t("templates.movedFromTo", {
          from: `${m.fromSection} #${m.fromIndex + 1}`,
          to: `${m.toSection} #${m.toIndex + 1}`,
        }),
      })),
    },
    { title: "templates.questionsChanged", items: diff.questions.changed },
  ];
  return (
    <div className="space-y-4" data-testid="template-diff">
      {diff.template.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold">{t("templates.templateChanges")}</h3>
          <Changes changes={diff.template} />
        </div>
      ) : null}
      {groups
        .filter((g) => g.items.length > 0)
        .map((group) => (
          <div key={group.title}>
            <h3 className="text-sm font-semibold">
              {t(group.title)} ({group.items.length})
            </h3>
            <ul className="mt-1 space-y-2 text-sm">
              {group.items.map((item) => (
                <li key={item.key}>
                  <span className="font-mono text-xs text-slate-500">{item.key}</span>{" "}
                  {item.label[locale]}
                  {item.extra ? (
                    <span className="ml-2 text-xs text-slate-500">{item.extra}</span>
                  ) : null}
                  {item.changes ? <Changes changes={item.changes} /> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
    </div>
  );
}
