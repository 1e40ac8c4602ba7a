import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";

/** The visitor is already a member of the inviting organisation. */
export function JoinedInvitation({ organizationName }: { organizationName: string }) {
  const { t } = useT();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-3 text-2xl font-semibold">
          {t("admin.acceptJoinedTitle", { organization: organizationName })}
        </h1>
        <Link
          to="/"
          className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white"
        >
          {t("auth.continue")}
        </Link>
      </Card>
    </div>
  );
}
