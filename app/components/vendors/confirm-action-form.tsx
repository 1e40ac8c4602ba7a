import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

interface ConfirmActionFormProps {
  /** Sent as the hidden `intent` field, for an action that handles more than one form. */
  intent?: string;
  /** What the action does, shown above the checkbox. */
  intro: ReactNode;
  /** The checkbox's label: what the user confirms. */
  confirmLabel: ReactNode;
  /** The action's error for an unticked box (a 400 when the browser did not enforce `required`). */
  confirmError?: MessageKey | null;
  /** Id of that error's message, which the checkbox names in aria-describedby. */
  errorId: string;
  className?: string;
  /** The submit button, and whatever stands beside it. */
  children: ReactNode;
}

/**
 * A destructive action behind a required "confirm" checkbox (`confirm=yes`). A plain POST form:
 * it works without JavaScript, and the action checks the box again on the server.
 */
export function ConfirmActionForm({
  intent,
  intro,
  confirmLabel,
  confirmError,
  errorId,
  className = "space-y-3",
  children,
}: ConfirmActionFormProps) {
  const { t } = useT();
  return (
    <Form method="post" className={className}>
      {intro}
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            required
            className="h-4 w-4"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? errorId : undefined}
          />
          {confirmLabel}
        </label>
        {confirmError ? (
          <p id={errorId} className="mt-1 text-sm text-red-700">
            {t(confirmError)}
          </p>
        ) : null}
      </div>
      {children}
    </Form>
  );
}
