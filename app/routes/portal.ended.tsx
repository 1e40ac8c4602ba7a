import type { MetaFunction } from "@remix-run/node";
import { Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

export default function PortalEndedPage() {
  const { t } = useT();
  return (
    <div className="mx-auto max-w-lg">
      <Card title={t("portal.sessionEndedTitle")}>
        <p className="text-slate-700">{t("portal.sessionEndedBody")}</p>
      </Card>
    </div>
  );
}
