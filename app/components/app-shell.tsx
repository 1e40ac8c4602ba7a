import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { labelKey } from "../utils/i18n";
import type { MessageKey } from "../utils/i18n";
import { can, type Action, type Role } from "../utils/permissions";
import { useT } from "../utils/use-t";
import { InboxLink } from "./notifications/inbox-link";

type ShellUser = {
  name: string;
  email: string;
  role: Role;
  organizationSlug: string;
  devOutbox?: boolean;
  unreadNotifications?: number;
} | null;

/** Each entry is shown to the roles the permission table allows its page's action. */
const NAV: { to: string; label: MessageKey; action: Action }[] = [
  { to: "/", label: "home.navHome", action: "assessment:read" },
  { to: "/vendors", label: "common.navVendors", action: "vendor:read" },
  { to: "/portfolio", label: "portfolio.navPortfolio", action: "vendor:read" },
  { to: "/assessments", label: "common.navAssessments", action: "assessment:read" },
  { to: "/compare", label: "compare.navCompare", action: "vendor:read" },
  { to: "/templates", label: "templates.navTemplates", action: "template:read" },
  {
    to: "/regulations/changes",
    label: "regulationChanges.navRegulations",
    action: "regulation-change:read",
  },
  { to: "/admin/users", label: "common.navUsers", action: "member:manage" },
  { to: "/admin/settings", label: "common.navSettings", action: "organization:configure" },
  { to: "/admin/weight-profiles", label: "common.navWeights", action: "weight-profile:manage" },
  { to: "/admin/jobs", label: "common.navJobs", action: "job:manage" },
  { to: "/audit", label: "common.navAudit", action: "audit:read" },
];
/** Only with MAIL_URL=outbox (the root loader sets user.devOutbox for admins then). */
const OUTBOX_NAV: (typeof NAV)[number] = {
  to: "/dev/outbox",
  label: "mail.navOutbox",
  action: "outbox:read",
};

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const { t, locale } = useT();
  const location = useLocation();
  return (
    <div className="min-h-full">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("common.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link to="/" className="text-lg font-bold text-brand-900">
            {t("common.appName")}
          </Link>
          {user ? (
            <nav aria-label={t("common.navMain")} className="flex flex-wrap gap-1">
              {[...NAV, ...(user.devOutbox ? [OUTBOX_NAV] : [])]
                .filter((item) => can(user.role, item.action))
                .map((item) => (
                  <NavLink
                    key={item.to}
                    to={item.to}
                    className={({ isActive }) =>
                      `rounded px-3 py-1.5 text-sm ${isActive ? "bg-brand-50 font-semibold text-brand-900" : "text-slate-700 hover:bg-slate-100"}`
                    }
                  >
                    {t(item.label)}
                  </NavLink>
                ))}
            </nav>
          ) : null}
          {/* Wraps on narrow screens (390 px): the German labels are long. */}
          <div className="ml-auto flex min-w-0 flex-wrap items-center gap-3 text-sm">
            <Link to="/verify" className="text-slate-700 underline-offset-2 hover:underline">
              {t("verify.navLink")}
            </Link>
            <Form method="post" action="/set-language" className="flex items-center gap-1">
              <input
                type="hidden"
                name="redirectTo"
                value={`${location.pathname}${location.search}`}
              />
              <label htmlFor="language-select" className="sr-only">
                {t("common.language")}
              </label>
              <select
                id="language-select"
                name="locale"
                defaultValue={locale}
                className="rounded border border-slate-300 px-2 py-1"
              >
                <option value="de">{t("common.german")}</option>
                <option value="en">{t("common.english")}</option>
              </select>
              <button
                type="submit"
                className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
              >
                {t("common.language")}
              </button>
            </Form>
            {user ? (
              <>
                <InboxLink unread={user.unreadNotifications ?? 0} />
                <Link
                  to="/account"
                  className="text-slate-700 underline-offset-2 hover:underline"
                  title={user.email}
                >
                  {t("common.signedInAs", {
                    name: user.name,
                    role: t(labelKey("common.role", user.role) ?? "common.unknownValue"),
                  })}
                </Link>
                <Form method="post" action="/logout">
                  <button
                    type="submit"
                    className="rounded bg-slate-800 px-3 py-1 text-white hover:bg-slate-700"
                  >
                    {t("common.logout")}
                  </button>
                </Form>
              </>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
