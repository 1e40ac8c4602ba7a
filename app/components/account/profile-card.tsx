import type { ReactNode } from "react";
import { Card } from "~/components/ui/layout";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1.5 text-sm">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}

/** Who the signed-in user is: name, e-mail, organisation, role. */
export function ProfileCard({
  account,
}: {
  account: { name: string; email: string; organizationName: string; role: string };
}) {
  const { t } = useT();
  return (
    <Card title={t("auth.profileHeading")}>
      <dl className="divide-y divide-slate-100">
        <Row label={t("auth.yourName")}>{account.name}</Row>
        <Row label={t("auth.email")}>{account.email}</Row>
        <Row label={t("auth.organization")}>{account.organizationName}</Row>
        <Row label={t("auth.role")}>
          {t(labelKey("common.role", account.role) ?? "common.unknownValue")}
        </Row>
      </dl>
    </Card>
  );
}
