import type { SerializeFrom } from "@remix-run/node";
import type { getVendorHistoryPage } from "~/modules/history/get-vendor-history-page.server";

/** The history page's loader data as the browser receives it. */
export type VendorHistoryPageView = SerializeFrom<typeof getVendorHistoryPage>;
export type VendorHistoryView = VendorHistoryPageView["history"];
export type VendorDiffView = NonNullable<VendorHistoryPageView["diff"]>;
