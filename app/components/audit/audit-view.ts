import type { SerializeFrom } from "@remix-run/node";
import type { getAuditPage } from "~/modules/audit/get-audit-page.server";

/** The audit page's loader data as the browser receives it. */
export type AuditPageView = SerializeFrom<typeof getAuditPage>;
