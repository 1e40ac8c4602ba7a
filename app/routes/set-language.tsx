import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { setUserLocale } from "~/modules/auth/account.server";
import { languageCookie } from "~/utils/locale.server";
import { getUserActor } from "~/modules/auth/guards.server";
import { isLocale } from "~/utils/i18n";
import { safeRedirectPath } from "~/utils/safe-redirect.server";
import { readFormData } from "~/utils/form-data.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const locale = form.get("locale");
  const redirectTo = safeRedirectPath(form.get("redirectTo"), "/");
  if (!isLocale(locale)) return redirect(redirectTo);
  const actor = await getUserActor(request, context);
  if (actor) await setUserLocale(actor, locale);
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await languageCookie().serialize(locale) },
  });
}
