import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { useT } from "~/utils/use-t";
import type { VendorHistoryView } from "./history-view";

/** Which two assessments to compare (a GET form, so it works without JavaScript). */
export function DiffPicker({
  history,
  from,
  to,
}: {
  history: VendorHistoryView;
  from: string | null;
  to: string | null;
}) {
  const { t, date } = useT();
  return (
    <Form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
      {(["from", "to"] as const).map((name) => (
        <label key={name} className="flex flex-col">
          <span>{t(name === "from" ? "compare.diffFrom" : "compare.diffTo")}</span>
          <select
            name={name}
            defaultValue={(name === "from" ? from : to) ?? ""}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            {history.assessments.map((a) => (
              <option key={a.assessmentId} value={a.assessmentId}>
                {date(a.submittedAt)} · {a.title}
              </option>
            ))}
          </select>
        </label>
      ))}
      <Button type="submit" variant="secondary">
        {t("compare.diffShow")}
      </Button>
    </Form>
  );
}
