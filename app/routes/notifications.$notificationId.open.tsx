import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/modules/auth/guards.server";
import {
  findOwnNotification,
  openNotification,
} from "~/modules/notifications/open-notification.server";
import { runUseCase } from "~/utils/http.server";

/** GET changes nothing (link scanners, prefetch): back to the inbox, for one's own only. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  await runUseCase(() => findOwnNotification(actor, params.notificationId));
  return redirect("/notifications");
}

/** Marks the notification read, then goes where it points (an internal path built server-side). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context);
  const target = await runUseCase(() => openNotification(actor, params.notificationId));
  return redirect(target);
}
