import { useState } from "react";
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
/** Without JavaScript there is no "add row" button: offer this many blank rows below the filled ones. */
const BLANK_ROWS_WITHOUT_JS = 3;

type Row = typeof EMPTY_ROW;

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
 */
export function SubprocessorTable({
  name,
  value,
  disabled,
  locale,
  labelId,
}: {
  name: string;
  value: unknown;
  disabled: boolean;
  locale: Locale;
  labelId: string;
}) {
  const { t } = useT();
  const initial = rowsOf(value);
  const [rows, setRows] = useState<Row[]>(() => [
    ...initial,
    ...Array.from({ length: initial.length === 0 ? BLANK_ROWS_WITHOUT_JS : 1 }, () => EMPTY_ROW),
  ]);
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
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              // Rows are only appended, never reordered, so the index is a stable key.
              <tr key={index} data-testid="subprocessor-row">
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
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {!disabled ? (
        <button
          type="button"
          onClick={() => setRows((current) => [...current, EMPTY_ROW])}
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
