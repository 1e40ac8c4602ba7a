import { Form, Link, NavLink, useLocation, useMatches } from "@remix-run/react";
import { Menu } from "lucide-react";
import { useEffect, useRef, type ReactNode } from "react";
import { labelKey } from "../utils/i18n";
import type { MessageKey } from "../utils/i18n";
import { can, type Action, type Role } from "../utils/permissions";
import { useT } from "../utils/use-t";
import { InboxLink } from "./notifications/inbox-link";
import { LanguageSwitch } from "./language-switch";
import { Button } from "./ui/button";
import { cn } from "./ui/cn";
import { Icon } from "./ui/icon";

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

/**
 * A page asks for the full width with `export const handle = { layout: "wide" }` (tables with
 * many columns); every other page keeps a readable measure (max-w-6xl).
 */
export type ShellHandle = { layout?: "wide" };

function useWideLayout(): boolean {
  return useMatches().some((match) => (match.handle as ShellHandle | undefined)?.layout === "wide");
}

function NavList({ user, vertical }: { user: NonNullable<ShellUser>; vertical: boolean }) {
  const { t } = useT();
  return (
    <ul className={cn("flex flex-col gap-0.5", vertical ? "" : "p-2")}>
      {[...NAV, ...(user.devOutbox ? [OUTBOX_NAV] : [])]
        .filter((item) => can(user.role, item.action))
        .map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              className={({ isActive }) =>
                cn(
                  "block rounded-md px-3 py-2 text-sm",
                  isActive
                    ? "bg-brand-50 font-semibold text-brand-900"
                    : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )
              }
            >
              {t(item.label)}
            </NavLink>
          </li>
        ))}
    </ul>
  );
}

/**
 * The narrow-screen navigation: a <details> disclosure, so it opens and closes without
 * JavaScript. With JavaScript it closes again after a navigation (a client-side navigation keeps
 * the element, and with it its open state).
 */
function NavDisclosure({ user }: { user: NonNullable<ShellUser> }) {
  const { t } = useT();
  const location = useLocation();
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [location.pathname, location.search]);
  return (
    <details ref={details} className="group lg:hidden">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-border-strong px-2.5 py-1.5 text-sm text-slate-800 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <Icon icon={Menu} />
        {t("ui.menu")}
      </summary>
      <nav
        aria-label={t("common.navMain")}
        className="absolute inset-x-0 top-full z-20 border-b border-border bg-surface shadow-md"
      >
        <NavList user={user} vertical={false} />
      </nav>
    </details>
  );
}

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const { t } = useT();
  const wide = useWideLayout();
  return (
    <div className="flex min-h-full flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-30 focus:bg-white focus:p-2"
      >
        {t("common.skipToContent")}
      </a>
      <header className="relative border-b border-border bg-surface">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          {user ? <NavDisclosure user={user} /> : null}
          <Link to="/" className="text-lg font-bold text-brand-900">
            {t("common.appName")}
          </Link>
          {/* Wraps on narrow screens (390 px) rather than widening the page. */}
          <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-2 text-sm">
            <Link to="/verify" className="text-slate-700 underline-offset-2 hover:underline">
              {t("verify.navLink")}
            </Link>
            <LanguageSwitch />
            {user ? (
              <>
                <InboxLink unread={user.unreadNotifications ?? 0} />
                <Link
                  to="/account"
                  className="max-w-full truncate text-slate-700 underline-offset-2 hover:underline sm:max-w-xs"
                  title={user.email}
                >
                  {t("common.signedInAs", {
                    name: user.name,
                    role: t(labelKey("common.role", user.role) ?? "common.unknownValue"),
                  })}
                </Link>
                <Form method="post" action="/logout">
                  <Button type="submit" size="sm" className="bg-slate-800 hover:bg-slate-700">
                    {t("common.logout")}
                  </Button>
                </Form>
              </>
            ) : null}
          </div>
        </div>
      </header>
      <div className="flex flex-1">
        {user ? (
          // The wide-screen navigation: a column of its own, so any number of entries in any
          // language fits without wrapping.
          <nav
            aria-label={t("common.navMain")}
            className="hidden w-56 shrink-0 border-r border-border bg-surface px-2 py-4 lg:block"
          >
            <NavList user={user} vertical />
          </nav>
        ) : null}
        <main
          id="main"
          className={cn("min-w-0 flex-1 px-4 py-8", wide ? "lg:px-8" : "mx-auto max-w-6xl")}
        >
          {children}
        </main>
      </div>
    </div>
  );
}
