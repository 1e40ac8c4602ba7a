import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/modules/auth/guards.server";
import { saveNotificationPreferences } from "~/modules/notifications/notification-preferences.server";
import { DomainError } from "~/utils/errors";
import { readFormData } from "~/utils/form-data.server";

export async function loader() {
  return redirect("/account");
}

/**
 * Saves the preferences card of /account and goes back there (works without JavaScript). A
 * tampered form (a value the card never offers) comes back with a message, not a 500.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context);
  const form = Object.fromEntries(await readFormData(request));
  try {
    await saveNotificationPreferences(actor, form);
  } catch (error) {
    if (error instanceof DomainError && error.code === "VALIDATION") {
      return redirect("/account?notifications=invalid#notification-preferences");
    }
    throw error;
  }
  return redirect("/account?saved=notifications#notification-preferences");
}
