import type { LoaderFunctionArgs } from "@remix-run/node";
import { serveChangeFeed } from "~/modules/regulations/feed/serve-change-feed.server";
import { clientIp } from "~/utils/request-context.server";

/** The Atom change feed behind a per-user secret address (feed readers do not log in). */
export function loader({ request, params, context }: LoaderFunctionArgs) {
  return serveChangeFeed(request, params.token ?? "", "atom", clientIp(context));
}
