import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ConfirmActionForm } from "./confirm-action-form";
import type { VendorView } from "./vendor-view";

/** Archive (with a confirmation box) or unarchive the vendor; delete only without assessments. */
export function VendorManageCard({
  vendor,
  confirmError,
}: {
  vendor: VendorView;
  confirmError: MessageKey | undefined;
}) {
  const { t } = useT();
  return (
    <Card title={t("vendors.manageTitle")}>
      {vendor.archivedAt ? (
        <Form method="post" className="space-y-3">
          <p className="text-sm text-slate-700">{t("vendors.unarchiveExplanation")}</p>
          <input type="hidden" name="intent" value="unarchive" />
          <Button type="submit" variant="secondary">
            {t("vendors.unarchiveButton")}
          </Button>
        </Form>
      ) : (
        <ConfirmActionForm
          intent="archive"
          intro={<p className="text-sm text-slate-700">{t("vendors.archiveExplanation")}</p>}
          confirmLabel={t("vendors.archiveConfirm")}
          confirmError={confirmError}
          errorId="archive-confirm-error"
        >
          <Button type="submit" variant="secondary">
            {t("vendors.archiveButton")}
          </Button>
        </ConfirmActionForm>
      )}
      <div className="mt-6 border-t border-slate-100 pt-4 text-sm">
        {vendor.assessments.length > 0 ? (
          <p className="text-slate-700">{t("vendors.deleteBlockedByAssessments")}</p>
        ) : (
          <Link to={`/vendors/${vendor.id}/delete`} className="font-medium text-red-700 underline">
            {t("vendors.deleteVendorLink")}
          </Link>
        )}
      </div>
    </Card>
  );
}
