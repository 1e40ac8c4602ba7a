import type { SerializeFrom } from "@remix-run/node";
import type { getPortalPage } from "~/modules/portal/get-portal-page.server";
import type { PortalFormSummary } from "~/modules/portal/save-portal-form.server";

/** The vendor's questionnaire page as its loader hands it to the browser. */
export type PortalView = SerializeFrom<typeof getPortalPage>;
export type PortalQuestion = PortalView["sections"][number]["questions"][number];
/** What the plain form post answered (absent before the first post). */
export type PortalActionData = SerializeFrom<PortalFormSummary> | undefined;
