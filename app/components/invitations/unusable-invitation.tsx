import { Link } from "@remix-run/react";
import { Alert, Card } from "~/components/ui/layout";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/** A link that does not work (unknown, used, expired, revoked): the reason and a way to sign in. */
export function UnusableInvitation({ reason }: { reason: MessageKey }) {
  const { t } = useT();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-3 text-2xl font-semibold">{t("admin.acceptUnusableTitle")}</h1>
        <Alert tone="error">{t(reason)}</Alert>
        <p className="mt-3 text-sm text-slate-700">{t("admin.acceptUnusableHelp")}</p>
        <p className="mt-4">
          <Link to="/login" className="text-brand-700 underline">
            {t("auth.signIn")}
          </Link>
        </p>
      </Card>
    </div>
  );
}
