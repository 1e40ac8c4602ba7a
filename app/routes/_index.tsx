import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/modules/auth/guards.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  throw redirect("/vendors");
}
