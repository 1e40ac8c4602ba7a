import { X } from "lucide-react";
import { useEffect, useState, type ReactNode } from "react";
import { useT } from "../../utils/use-t";
import { cn } from "./cn";
import { Icon } from "./icon";

/**
 * The message after a POST (a flash such as "Saved."). The server renders it as a status message
 * in the page flow, so it is read and seen without JavaScript. Once hydrated it floats in the
 * corner as a toast that the user dismisses; it never disappears on a timer, which would take it
 * away from someone still reading (WCAG 2.2.1). role="status": announced politely, without
 * moving focus.
 */
export function Toast({
  children,
  tone = "success",
}: {
  children: ReactNode;
  tone?: "success" | "info" | "danger";
}) {
  const { t } = useT();
  const [floating, setFloating] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => setFloating(true), []);
  if (dismissed) return null;
  return (
    <div
      role="status"
      className={cn(
        "flex items-start gap-3 rounded-md border p-3 text-sm",
        tone === "success" && "border-green-200 bg-success-subtle text-success-fg",
        tone === "info" && "border-blue-200 bg-info-subtle text-info-fg",
        tone === "danger" && "border-red-200 bg-danger-subtle text-danger-fg",
        floating && "fixed right-4 bottom-4 z-40 max-w-sm shadow-lg",
      )}
    >
      <div className="min-w-0 flex-1">{children}</div>
      {floating ? (
        <button
          type="button"
          onClick={() => setDismissed(true)}
          className="rounded p-0.5 hover:bg-black/5"
        >
          <Icon icon={X} label={t("ui.dismiss")} />
        </button>
      ) : null}
    </div>
  );
}
