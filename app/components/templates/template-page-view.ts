import type { SerializeFrom } from "@remix-run/node";
import type { getTemplate } from "~/modules/templates/get-template.server";

/** The template page as its loader hands it to the browser. */
export type TemplatePageView = SerializeFrom<typeof getTemplate>;
