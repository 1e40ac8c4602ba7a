import { Link } from "@remix-run/react";
import { useT } from "~/utils/use-t";

/** The "Back to <vendor>" link above the vendor's sub-pages (edit, delete, products). */
export function BackToVendorLink({ vendor }: { vendor: { id: string; name: string } }) {
  const { t } = useT();
  return (
    <p className="text-sm">
      <Link to={`/vendors/${vendor.id}`} className="text-slate-700 underline">
        {t("vendors.backToVendor", { name: vendor.name })}
      </Link>
    </p>
  );
}
