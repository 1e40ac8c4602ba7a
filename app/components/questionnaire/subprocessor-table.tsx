import { createContext, useContext, useRef, useState } from "react";
import { COUNTRIES } from "~/reference-data/countries";
import type { Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ScrollRegion } from "~/components/ui/scroll-region";

const MECHANISMS = [
  "not_needed",
  "adequacy",
  "dpf",
  "scc",
  "bcr",
  "derogation",
  "none",
  "unknown",
] as const;
const EMPTY_ROW = { name: "", purpose: "", country: "", mechanism: "scc" };
/** An empty table starts with this many blank rows (with or without JavaScript). */
const BLANK_ROWS_WHEN_EMPTY = 3;

type Row = typeof EMPTY_ROW;
/** A row on screen: an id that survives removing rows above it (React keys, focus). */
type ShownRow = Row & { id: number };

/**
 * The rows of one table as the last plain post sent them (after "add a row" or "remove row" without
 * JavaScript): shown instead of the stored answer, so nothing typed is lost on the way.
 */
export const PostedRowsContext = createContext<{ questionKey: string; values: Row[] } | null>(null);

function rowsOf(value: unknown): Row[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((row): row is Row => Boolean(row) && typeof row === "object")
    .map((row) => ({ ...EMPTY_ROW, ...row }));
}

/**
 * The sub-processor table: one row per sub-processor with name, purpose, country and transfer
 * mechanism (GDPR Chapter V). Columns post as repeated fields in row order (see
 * answer-value.ts, subprocessorsFromForm); "none" posts the reserved answer "na".
 * "Add" and "Remove" are submit buttons of the answers form (intent addRow:<key> /
 * removeRow:<key>:<index>, see subprocessor-rows.ts), so they work without JavaScript; with it
 * they change the rows in place and a removal is autosaved (onRowsChanged).
 */
export function SubprocessorTable({
  name,
  value,
  disabled,
  locale,
  labelId,
  onRowsChanged,
}: {
  name: string;
  value: unknown;
  disabled: boolean;
  locale: Locale;
  labelId: string;
  /** A row was removed in place (JavaScript): the question saves its fields again. */
  onRowsChanged?: () => void;
}) {
  const { t } = useT();
  const posted = useContext(PostedRowsContext);
  const questionKey = name.slice("q.".length);
  const nextId = useRef(0);
  const [rows, setRows] = useState<ShownRow[]>(() => {
    const withId = (row: Row): ShownRow => ({ ...row, id: nextId.current++ });
    if (posted && posted.questionKey === questionKey) return posted.values.map(withId);
    const initial = rowsOf(value);
    return [
      ...initial,
      ...Array.from({ length: initial.length === 0 ? BLANK_ROWS_WHEN_EMPTY : 1 }, () => EMPTY_ROW),
    ].map(withId);
  });
  // Back to the table after a plain post of one of its buttons.
  const rowAction = `/portal?index#q-${questionKey}`;
  const countries = [...COUNTRIES].sort((a, b) => a[locale].localeCompare(b[locale], locale));
  const cell = "rounded border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-100";
  return (
    <div className="space-y-2">
      <ScrollRegion labelledBy={labelId}>
        <table
          className="min-w-full text-sm"
          aria-labelledby={labelId}
          data-testid="subprocessor-table"
        >
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="pr-2">
                {t("portal.spName")}
              </th>
              <th scope="col" className="pr-2">
                {t("portal.spPurpose")}
              </th>
              <th scope="col" className="pr-2">
                {t("portal.spCountry")}
              </th>
              <th scope="col" className="pr-2">
                {t("portal.spMechanism")}
              </th>
              {disabled ? null : (
                <th scope="col">
                  <span className="sr-only">{t("portalFinish.spRemoveRow")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id} data-testid="subprocessor-row">
                <td className="py-1 pr-2">
                  <input
                    name={`${name}.name`}
                    defaultValue={row.name}
                    disabled={disabled}
                    aria-label={t("portal.spName")}
                    className={cell}
                    maxLength={200}
                  />
                </td>
                <td className="py-1 pr-2">
                  <input
                    name={`${name}.purpose`}
                    defaultValue={row.purpose}
                    disabled={disabled}
                    aria-label={t("portal.spPurpose")}
                    className={cell}
                    maxLength={500}
                  />
                </td>
                <td className="py-1 pr-2">
                  <select
                    name={`${name}.country`}
                    defaultValue={row.country}
                    disabled={disabled}
                    aria-label={t("portal.spCountry")}
                    className={cell}
                  >
                    <option value="">{t("portal.selectPlaceholder")}</option>
                    {countries.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c[locale]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="py-1 pr-2">
                  <select
                    name={`${name}.mechanism`}
                    defaultValue={row.mechanism}
                    disabled={disabled}
                    aria-label={t("portal.spMechanism")}
                    className={cell}
                  >
                    {MECHANISMS.map((m) => (
                      <option key={m} value={m}>
                        {t(`portal.mechanism_${m}`)}
                      </option>
                    ))}
                  </select>
                </td>
                {disabled ? null : (
                  <td className="py-1">
                    <button
                      type="submit"
                      name="intent"
                      value={`removeRow:${questionKey}:${index}`}
                      formAction={rowAction}
                      onClick={(event) => {
                        event.preventDefault();
                        setRows((current) => current.filter((r) => r.id !== row.id));
                        onRowsChanged?.();
                      }}
                      className="rounded border border-slate-300 px-2 py-1 text-sm text-red-800"
                      aria-label={t("portalFinish.spRemoveRowLabel", { index: index + 1 })}
                      data-testid="subprocessor-remove"
                    >
                      {t("portalFinish.spRemoveRow")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {!disabled ? (
        <button
          type="submit"
          name="intent"
          value={`addRow:${questionKey}`}
          formAction={rowAction}
          onClick={(event) => {
            event.preventDefault();
            setRows((current) => [...current, { ...EMPTY_ROW, id: nextId.current++ }]);
          }}
          className="rounded border border-slate-300 px-2 py-1 text-sm"
          data-testid="subprocessor-add"
        >
          {t("portal.spAddRow")}
        </button>
      ) : null}
      <div className="flex flex-wrap gap-x-5 text-sm">
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            name={name}
            value="na"
            defaultChecked={value === "na"}
            disabled={disabled}
          />
          {t("portal.spNone")}
        </label>
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            name={name}
            value="unknown"
            defaultChecked={value === "unknown"}
            disabled={disabled}
          />
          {t("portal.unknown")}
        </label>
      </div>
    </div>
  );
}
