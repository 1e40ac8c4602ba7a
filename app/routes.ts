import type { RouteConfig } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";

// File-system routes (flat naming) under app/routes; see docs/decisions/0001-remix-v2-on-vite.md.
export default flatRoutes({
  ignoredRouteFiles: ["**/*.test.*", "**/*.server.*"],
}) satisfies RouteConfig;
