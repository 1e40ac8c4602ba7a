import { useT } from "~/utils/use-t";
import type { PortalView } from "./portal-view";

/**
 * For the main contact: the colleagues they invited to answer sections, and whether each said
 * they are done (the contact was also told by mail). Nothing when nobody was invited.
 */
export function ColleaguesStatus({
  colleagues,
  sectionTitle,
}: {
  colleagues: PortalView["delegation"]["colleagues"];
  sectionTitle: (key: string) => string;
}) {
  const { t, date } = useT();
  if (colleagues.length === 0) return null;
  return (
    <section
      aria-labelledby="colleagues-title"
      className="rounded-md border border-slate-200 bg-white p-3 text-sm"
      data-testid="colleagues-status"
    >
      <h2 id="colleagues-title" className="font-medium">
        {t("portalFinish.colleaguesTitle")}
      </h2>
      <ul className="mt-1 space-y-1">
        {colleagues.map((c) => (
          <li key={c.id} data-testid="colleague" className="break-words">
            <span className="font-medium">{c.contactName ?? c.contactEmail}</span>
            {" · "}
            {c.sections.map(sectionTitle).join(", ")}
            {" · "}
            <span
              className={c.doneAt ? "font-medium text-green-800" : "text-slate-700"}
              data-testid="colleague-state"
            >
              {c.doneAt
                ? t("portalFinish.colleagueDone", { date: date(c.doneAt) })
                : t("portalFinish.colleagueWorking")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
