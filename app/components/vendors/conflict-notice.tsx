import { useT } from "~/utils/use-t";
import { ScrollRegion } from "~/components/ui/scroll-region";

export interface ConflictRow {
  /** The form field's name (used for the row key and the `current-<field>` test id). */
  field: string;
  label: string;
  /** The saved value, as shown to the user. */
  current: string;
  /** The value the user submitted, as shown to the user. */
  yours: string;
}

/**
 * Someone else saved first (409): says so, and lists the fields where the saved values differ
 * from the submitted ones side by side. The page still shows the form with the user's values.
 */
export function ConflictNotice({ rows }: { rows: ConflictRow[] }) {
  const { t } = useT();
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
      data-testid="conflict"
    >
      <h2 className="font-semibold">{t("vendors.conflictTitle")}</h2>
      <p className="mt-1">{t("vendors.conflictBody")}</p>
      {rows.length > 0 ? (
        <ScrollRegion label={t("vendors.conflictTitle")}>
          <table className="mt-3 min-w-full text-left">
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">
                  {t("vendors.conflictField")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("vendors.conflictCurrent")}
                </th>
                <th scope="col" className="py-1">
                  {t("vendors.conflictYours")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field} className="border-t border-amber-200 align-top">
                  <th scope="row" className="py-1 pr-3 font-medium">
                    {row.label}
                  </th>
                  <td
                    className="whitespace-pre-wrap py-1 pr-3"
                    data-testid={`current-${row.field}`}
                  >
                    {row.current}
                  </td>
                  <td className="whitespace-pre-wrap py-1">{row.yours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </div>
  );
}
