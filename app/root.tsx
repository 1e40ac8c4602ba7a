import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useFetchers,
  useLoaderData,
  useNavigation,
  useRevalidator,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { AppShell } from "./components/app-shell";
import { loadMessages } from "./locales/dictionaries";
import { useRequestInfo } from "./utils/request-info";
import { getSessionUserLocale, getUserActor } from "./modules/auth/guards.server";
import { isOutboxEnabled } from "./modules/mail/send-mail.server";
import { countUnreadNotifications } from "./modules/notifications/count-unread-notifications.server";
import { resolveLocale } from "./utils/locale.server";
import { can } from "./utils/permissions";
import { errorBodyMessage, type MessageKey } from "./utils/i18n";
import { useLocale, useT } from "./utils/use-t";
import stylesheet from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Vetted" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getUserActor(request, context);
  const locale = await resolveLocale(
    request,
    actor ? await getSessionUserLocale(request, context) : null,
  );
  return {
    locale,
    requestId: context.requestId ?? "",
    user: actor
      ? {
          name: actor.name,
          email: actor.email,
          role: actor.role,
          organizationSlug: actor.organizationSlug,
          // The shell links the developer outbox only where /dev/outbox exists for this user.
          devOutbox: can(actor.role, "outbox:read") && isOutboxEnabled(),
          unreadNotifications: await countUnreadNotifications(actor),
        }
      : null,
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: ReactNode }) {
  const { nonce } = useRequestInfo();
  // <html data-hydrated>: effects run only after the whole tree has hydrated, so from then on
  // the page's handlers are attached. Browser tests wait on this attribute instead of reading
  // React's or Remix's internals (e2e/support/fixtures.ts waitForHydration).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  useRouterIdleFlag();
  const locale = useLocale();
  // The browser holds only the dictionary it started with: after a switch of language without a
  // reload (signing in, the header control with JavaScript) fetch the new one.
  useEffect(() => {
    loadMessages(locale).catch(() => {
      // Offline: the loaded language stands in until the next page load.
    });
  }, [locale]);
  return (
    <html lang={locale} className="h-full bg-slate-50">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="h-full text-slate-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * <html data-router="idle|busy">: whether a navigation, a revalidation or a fetcher is in flight,
 * from Remix's public hooks. Browser tests wait for "idle" after an action (its loaders are
 * revalidated and may redirect) instead of reading the router's internals from `window`
 * (e2e/support/fixtures.ts waitForRouterIdle). Set in an effect, so only once hydrated.
 */
function useRouterIdleFlag(): void {
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const fetchers = useFetchers();
  const idle =
    navigation.state === "idle" &&
    revalidator.state === "idle" &&
    fetchers.every((fetcher) => fetcher.state === "idle");
  useEffect(() => {
    document.documentElement.dataset.router = idle ? "idle" : "busy";
  }, [idle]);
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  return (
    <AppShell user={data.user}>
      <Outlet />
    </AppShell>
  );
}

/** The one error boundary for unknown errors: a request id, never a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData("root") as RootLoaderData | undefined;
  const { requestId: renderRequestId } = useRequestInfo();
  const { t, tm } = useT();
  const requestId = data?.requestId || renderRequestId;
  let title = t("common.errorTitle");
  let body = t("common.errorBody");
  if (isRouteErrorResponse(error)) {
    const byStatus: Record<number, [MessageKey, MessageKey | null]> = {
      400: ["common.badRequestTitle", null],
      403: ["common.forbiddenTitle", "common.forbiddenBody"],
      404: ["common.notFoundTitle", "common.notFoundBody"],
      409: ["common.conflictTitle", null],
      413: ["common.bodyTooLargeTitle", null],
      429: ["common.tooManyRequestsTitle", null],
    };
    const entry = byStatus[error.status];
    if (entry) {
      title = t(entry[0]);
      // Only a message key carried by the Response is shown (translated here): a plain-text
      // body was written in one language and would reach a German page in English. The one
      // exception is the 413 of an oversized body: the HTTP front answers it before Remix runs,
      // already in the visitor's language (request-limits/body-limits.server.ts).
      const carried = errorBodyMessage(error.data);
      const refusedBody = error.status === 413 && typeof error.data === "string" ? error.data : "";
      body = entry[1] ? t(entry[1]) : carried ? tm(carried) : refusedBody;
    }
  }
  return (
    <AppShell user={data?.user ?? null}>
      <div
        role="alert"
        className="mx-auto max-w-xl rounded-lg border border-red-200 bg-white p-6 shadow-sm"
      >
        <h1 className="text-xl font-semibold text-red-800">{title}</h1>
        {body ? <p className="mt-2 text-slate-700">{body}</p> : null}
        {requestId ? (
          <p className="mt-4 text-sm text-slate-600">
            {t("common.requestId")}: <code data-testid="request-id">{requestId}</code>
          </p>
        ) : null}
        <p className="mt-4">
          <a className="text-brand-700 underline" href="/">
            {t("common.goHome")}
          </a>
        </p>
      </div>
    </AppShell>
  );
}
