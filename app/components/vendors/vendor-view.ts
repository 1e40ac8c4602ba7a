import type { SerializeFrom } from "@remix-run/node";
import type { getVendor } from "~/modules/vendors/get-vendor.server";
import type { listVendors } from "~/modules/vendors/list-vendors.server";

/** One vendor as the vendor page's loader hands it to the browser. */
export type VendorView = SerializeFrom<typeof getVendor>;

/** The class of the page's links that look like buttons. */
export const linkButton = "rounded-md px-4 py-2 text-sm font-medium";

/** One row of the vendor list as its loader hands it to the browser. */
export type VendorListItemView = SerializeFrom<typeof listVendors>["items"][number];
