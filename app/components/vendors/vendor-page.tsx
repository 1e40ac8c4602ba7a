import { Link } from "@remix-run/react";
import { Alert, PageHeader } from "~/components/ui/layout";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { VendorAssessmentsCard } from "./vendor-assessments-card";
import { VendorDetailsCard } from "./vendor-details-card";
import { VendorManageCard } from "./vendor-manage-card";
import { VendorProductsSection } from "./vendor-products-section";
import { linkButton, type VendorView } from "./vendor-view";

/** What `?notice=` after a redirect says (anything else shows nothing). */
const NOTICES: Record<string, MessageKey> = {
  created: "vendors.noticeCreated",
  updated: "vendors.noticeUpdated",
  unchanged: "vendors.noticeUnchanged",
  archived: "vendors.noticeArchived",
  unarchived: "vendors.noticeUnarchived",
  productCreated: "vendors.noticeProductCreated",
  productUpdated: "vendors.noticeProductUpdated",
  productDeleted: "vendors.noticeProductDeleted",
};

export interface VendorPageProps {
  vendor: VendorView;
  canWrite: boolean;
  /** The `notice` search parameter after a redirect. */
  notice: string | null;
  confirmError: MessageKey | undefined;
}

/** One vendor: details, products, assessments and (for writers) archive/unarchive/delete. */
export function VendorPage({ vendor, canWrite, notice, confirmError }: VendorPageProps) {
  const { t } = useT();
  const noticeKey = NOTICES[notice ?? ""];
  const archived = Boolean(vendor.archivedAt);
  const editable = canWrite && !archived;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/vendors" className="text-slate-700 underline">
          {t("vendors.backToList")}
        </Link>
      </p>
      <PageHeader
        title={
          <>
            {vendor.name}
            {archived ? (
              <span className="ml-3 rounded bg-slate-200 px-2 py-0.5 align-middle text-sm font-medium text-slate-700">
                {t("vendors.archivedBadge")}
              </span>
            ) : null}
          </>
        }
        actions={
          editable ? (
            <>
              <Link
                to={`/vendors/${vendor.id}/edit`}
                className={`${linkButton} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}
              >
                {t("vendors.editVendor")}
              </Link>
              <Link
                to={`/assessments/new?vendorId=${encodeURIComponent(vendor.id)}`}
                className={`${linkButton} bg-brand-600 text-white hover:bg-brand-700`}
              >
                {t("vendors.startAssessment")}
              </Link>
            </>
          ) : null
        }
      />

      {noticeKey ? <Alert tone="success">{t(noticeKey)}</Alert> : null}
      {archived ? <Alert tone="warning">{t("vendors.archivedNotice")}</Alert> : null}
      <p className="text-sm">
        <Link to={`/vendors/${vendor.id}/history`} className="text-brand-700 underline">
          {t("compare.history")}
        </Link>
      </p>

      <VendorDetailsCard vendor={vendor} />
      <VendorProductsSection vendor={vendor} editable={editable} />
      <VendorAssessmentsCard assessments={vendor.assessments} />
      {canWrite ? <VendorManageCard vendor={vendor} confirmError={confirmError} /> : null}
    </div>
  );
}
