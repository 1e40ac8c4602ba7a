import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HomePageView } from "~/components/home/home-page";
import { requireUser } from "~/modules/auth/guards.server";
import { getHome } from "~/modules/home/get-home.server";
import { runUseCase } from "~/utils/http.server";
import { translatedTitle } from "~/utils/page-title";
import { can } from "~/utils/permissions";

// The page after sign-in (login and second factor redirect to "/"): each member's "my work"
// inbox, issue 15 item 1. Sections follow the permission table; the markup is HomePageView.

export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "home.pageTitle")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const home = await runUseCase(() => getHome(actor));
  return { ...home, canDecide: can(actor.role, "assessment:decide") };
}

export default function HomeRoute() {
  const page = useLoaderData<typeof loader>();
  return <HomePageView page={page} canDecide={page.canDecide} />;
}
