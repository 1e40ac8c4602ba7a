import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logOut } from "~/modules/auth/account.server";
import { sessionCookie } from "~/modules/auth/cookies.server";
import { getUserActor } from "~/modules/auth/guards.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await getUserActor(request, context);
  if (actor) await logOut(actor);
  return redirect("/login", {
    headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) },
  });
}
