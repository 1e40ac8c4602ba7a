import { Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { useT } from "~/utils/use-t";

/** A form's submit button with a "Cancel" link back to `cancelTo` beside it. */
export function FormActions({
  submitLabel,
  cancelTo,
  variant,
  pending,
}: {
  submitLabel: string;
  cancelTo: string;
  variant?: "primary" | "danger";
  /** Disables the button while the form is being submitted. */
  pending?: boolean;
}) {
  const { t } = useT();
  return (
    <div className="flex items-center gap-3">
      <Button type="submit" variant={variant} disabled={pending}>
        {submitLabel}
      </Button>
      <Link to={cancelTo} className="text-sm text-slate-700 underline">
        {t("vendors.cancel")}
      </Link>
    </div>
  );
}
