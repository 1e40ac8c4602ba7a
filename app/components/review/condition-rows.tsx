import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import { useT } from "~/utils/use-t";

/** Rows rendered without JavaScript; with it the DPO starts with one and adds more. */
export const CONDITION_ROWS_WITHOUT_JS = 5;
export const MAX_CONDITIONS = 20;

/**
 * The conditions of a decision, each with its own due date. Fields repeat (`conditionText`,
 * `conditionDue`); the route pairs them in order (conditionsFromForm). Server-rendered with five
 * rows so it works without JavaScript; once hydrated it shows the filled rows plus one empty row
 * and an "add condition" button.
 */
export function ConditionRows({ error }: { error?: string | null }) {
  const { t } = useT();
  const [rows, setRows] = useState(CONDITION_ROWS_WITHOUT_JS);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
    setRows(1);
  }, []);
  return (
    <fieldset className="space-y-2" data-testid="condition-rows">
      <legend className="text-sm font-medium text-slate-800">{t("review.conditionsTitle")}</legend>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="grid gap-2 sm:grid-cols-[1fr_auto]">
          <label className="text-sm">
            <span className="sr-only">{t("review.conditionN", { n: i + 1 })}</span>
            <input
              name="conditionText"
              maxLength={1000}
              placeholder={t("review.conditionN", { n: i + 1 })}
              aria-label={t("review.conditionN", { n: i + 1 })}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            />
          </label>
          <label className="text-sm">
            <span className="sr-only">{t("review.conditionDueN", { n: i + 1 })}</span>
            <input
              name="conditionDue"
              type="date"
              aria-label={t("review.conditionDueN", { n: i + 1 })}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            />
          </label>
        </div>
      ))}
      {hydrated && rows < MAX_CONDITIONS ? (
        <Button
          type="button"
          variant="secondary"
          onClick={() => setRows((n) => Math.min(n + 1, MAX_CONDITIONS))}
          data-testid="add-condition"
        >
          {t("review.addCondition")}
        </Button>
      ) : null}
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
