import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { name: "robots", content: "noindex, nofollow" },
  translatedTitle(matches, "portal.sessionEndedTitle"),
];

/** Says only why the session ended (never which link or organisation it belonged to). */
export function loader({ request }: LoaderFunctionArgs) {
  const reason = new URL(request.url).searchParams.get("reason");
  return { tooManyAttempts: reason === "attempts" };
}

export default function PortalEndedPage() {
  const { tooManyAttempts } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="mx-auto max-w-lg">
      <Card title={t("portal.sessionEndedTitle")} level={1}>
        <p className="text-slate-700" data-testid="session-ended">
          {tooManyAttempts ? t("access.endedTooManyAttempts") : t("portal.sessionEndedBody")}
        </p>
      </Card>
    </div>
  );
}
