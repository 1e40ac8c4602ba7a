import { randomBytes } from "node:crypto";
import "./apply-env";
import {
  expect,
  test as base,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "@playwright/test";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Role, UserActor } from "../../app/modules/auth/actor";
import { generateTotpCode } from "../../app/modules/auth/totp.server";
import { createInviteLink } from "../../app/modules/assessments/create-invite-link.server";
import { startAssessment } from "../../app/modules/assessments/start-assessment.server";
import { sessionCookie } from "../../app/modules/auth/cookies.server";
import { createSession } from "../../app/modules/auth/sessions.server";
import { db } from "../../app/utils/db.server";
import { inTransaction } from "../../app/utils/transaction.server";
import { createOrganization, createUser, createVendor } from "../../tests/support/factories";
import { E2E_BASE_URL, E2E_MAIL_DIR } from "./env";

export { expect };

/* ------------------------------------------------------------------------------------------ */
/* Unique test data                                                                           */
/* ------------------------------------------------------------------------------------------ */

let counter = 0;
/** A short value unique across tests and runs (the database is fresh per run, but be safe). */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}${counter.toString(36)}${randomBytes(2).toString("hex")}`;
}

export interface Account {
  userId: string;
  organizationId: string;
  email: string;
  name: string;
  password: string;
  role: Role;
  totpKey: Uint8Array | null;
}

export async function seedOrganization(name?: string) {
  const slug = unique("org");
  return createOrganization({ slug, name: name ?? `Organisation ${slug}` });
}

export async function seedUser(
  organizationId: string,
  role: Role,
  options: { withTotp?: boolean; name?: string } = {},
): Promise<Account> {
  const email = `${unique(role.toLowerCase())}@e2e.example`;
  const { user, password, totpKey } = await createUser({
    organizationId,
    role,
    email,
    name: options.name,
    withTotp: options.withTotp ?? false,
  });
  return {
    userId: user.id,
    organizationId,
    email: user.email,
    name: user.name,
    password,
    role,
    totpKey,
  };
}

/** A UserActor for calling use cases directly (set-up only; the browser does the real work). */
export async function actorFor(account: Account): Promise<UserActor> {
  const org = await db().organization.findUniqueOrThrow({ where: { id: account.organizationId } });
  return {
    kind: "user",
    userId: account.userId,
    organizationId: org.id,
    organizationSlug: org.slug,
    role: account.role,
    email: account.email,
    name: account.name,
    sessionId: `e2e-setup-${unique("s")}`,
    mfaVerifiedAt: null,
    ip: "127.0.0.1",
  };
}

/**
 * A signed-in session for `account`, created the way a login creates it (epic-stack's "log in
 * by inserting a session"), as the cookie name and value the browser would hold.
 */
export async function sessionCookieFor(account: Account, options: { mfaVerified?: boolean } = {}) {
  const { token } = await inTransaction((tx) =>
    createSession(tx, {
      userId: account.userId,
      organizationId: account.organizationId,
      mfaVerified: options.mfaVerified ?? account.totpKey !== null,
      ipAddress: "127.0.0.1",
      userAgent: "e2e fixture",
    }),
  );
  const serialized = await sessionCookie().serialize(token);
  const [pair = ""] = serialized.split(";");
  const separator = pair.indexOf("=");
  return { name: pair.slice(0, separator), value: pair.slice(separator + 1) };
}

/** Signs `account` in for every page of `context` without going through the login form. */
export async function signInContext(context: BrowserContext, account: Account): Promise<void> {
  const cookie = await sessionCookieFor(account);
  await context.addCookies([{ ...cookie, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
}

/**
 * The bundled templates are installed by the app when a writer asks for it on /assessments/new
 * (a POST: loaders never write, ADR 0023). Set-up code makes exactly that request over HTTP, with
 * the app's own origin (the origin check refuses a POST without it). (Importing
 * bundled-templates.server.ts into the Playwright worker is not possible: it imports JSON without
 * an import attribute, which only bundlers accept.)
 */
export async function installBundledTemplatesViaApp(writer: Account): Promise<void> {
  const cookie = await sessionCookieFor(writer);
  const response = await fetch(`${E2E_BASE_URL}/assessments/new`, {
    method: "POST",
    headers: { Cookie: `${cookie.name}=${cookie.value}`, Origin: new URL(E2E_BASE_URL).origin },
    body: new URLSearchParams({ intent: "installBundledTemplates" }),
    redirect: "manual",
  });
  if (response.status !== 302)
    throw new Error(`POST /assessments/new (install templates) answered ${response.status}`);
}

/**
 * An assessment from the bundled "AI vendor due diligence" template with one invite link,
 * set up through the app's own use cases (so audit events and states are real).
 */
export async function seedAssessmentWithInvite(
  input: { vendorName?: string; contactEmail?: string } = {},
) {
  const org = await seedOrganization();
  const assessor = await seedUser(org.id, "ASSESSOR");
  const actor = await actorFor(assessor);
  const vendor = await createVendor({
    organizationId: org.id,
    name: input.vendorName ?? unique("Vendor"),
  });
  await installBundledTemplatesViaApp(assessor);
  const version = await db().templateVersion.findFirstOrThrow({
    where: {
      status: "PUBLISHED",
      template: { organizationId: org.id, key: "ai-vendor-due-diligence" },
    },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  const assessment = await startAssessment(actor, {
    vendorId: vendor.id,
    templateVersionId: version.id,
    title: `${vendor.name} – AI due diligence`,
  });
  const contactEmail = input.contactEmail ?? `${unique("contact")}@vendor.example`;
  const invite = await createInviteLink(actor, assessment.id, { contactEmail, locale: "en" });
  const addInvite = async (email = `${unique("contact")}@vendor.example`) => ({
    url: (await createInviteLink(actor, assessment.id, { contactEmail: email, locale: "en" })).url,
    contactEmail: email,
  });
  return { org, assessor, vendor, assessment, inviteUrl: invite.url, contactEmail, addInvite };
}

/* ------------------------------------------------------------------------------------------ */
/* TOTP                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/**
 * A TOTP code the server will accept now. A code works once per 30 s step (replay protection), so
 * a second login within one step would be refused: instead of waiting up to 30 s for the next
 * step, forget this user's last accepted step in the e2e test database (a test-only write; the
 * app has no way to do this). Replay protection itself is tested against the use case.
 */
export async function freshTotpCode(userId: string, key: Uint8Array): Promise<string> {
  await resetLastTotpStep(userId);
  return generateTotpCode(key, new Date());
}

/** Forgets which TOTP step `userId` used last, so the current step's code is accepted again. */
export async function resetLastTotpStep(userId: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { totpLastStep: null } });
}

/** RFC 4648 base32 (what the MFA page shows as the manual key; spaces allowed) to bytes. */
export function base32Decode(text: string): Uint8Array {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const clean = text.replace(/[\s=]/g, "").toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`Not a base32 character: ${JSON.stringify(char)}`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(bytes);
}

/** Makes this user's sessions' last second-factor check older than the step-up window. */
export async function ageStepUp(userId: string, minutesAgo = 60): Promise<void> {
  await db().session.updateMany({
    where: { userId },
    data: { mfaVerifiedAt: new Date(Date.now() - minutesAgo * 60_000) },
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Browser helpers                                                                            */
/* ------------------------------------------------------------------------------------------ */

/**
 * Waits until React has hydrated the page: before that, input events reach no handler (e.g.
 * autosave would not start). The root sets <html data-hydrated> in an effect, which runs once
 * the whole tree has hydrated (app/root.tsx); no framework internals are read.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/**
 * Waits until nothing is in flight (navigation, revalidation, fetchers): after an action,
 * loaders are revalidated and may redirect; assertions about what stays on screen belong after
 * that. The root sets <html data-router="idle|busy"> from Remix's public hooks (app/root.tsx
 * useRouterIdleFlag); no framework internals are read.
 */
export async function waitForRouterIdle(page: Page): Promise<void> {
  await page.locator('html[data-hydrated][data-router="idle"]').waitFor({ state: "attached" });
}

/** The home page's address (what a sign-in lands on). */
export const HOME_URL = /^https?:\/\/[^/]+\/$/;

/** Signs in through the login form (and /login/verify with a fresh TOTP code if enrolled). */
export async function logIn(
  page: Page,
  account: Account,
  options: { expectUrl?: RegExp } = {},
): Promise<void> {
  await page.goto("/login");
  await waitForHydration(page);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (account.totpKey) {
    await expect(page).toHaveURL(/\/login\/verify$/);
    await expect(
      page.getByRole("heading", { name: "Two-factor authentication", exact: true }),
      "/login/verify must show the second-factor form (heading 'Two-factor authentication', field 'Code')",
    ).toBeVisible();
    await page.getByLabel("Code").fill(await freshTotpCode(account.userId, account.totpKey));
    await page.getByRole("button", { name: "Verify" }).click();
  }
  // Signing in lands on the home page, "/" (issue 15 item 1).
  await expect(page).toHaveURL(options.expectUrl ?? HOME_URL);
}

/* ------------------------------------------------------------------------------------------ */
/* Mail                                                                                       */
/* ------------------------------------------------------------------------------------------ */

export interface CaughtMailFile {
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  raw: string;
}

export async function readMails(): Promise<CaughtMailFile[]> {
  const names = (await readdir(E2E_MAIL_DIR)).filter((name) => /^\d+\.json$/.test(name));
  names.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
  return Promise.all(
    names.map(
      async (name) =>
        JSON.parse(await readFile(path.join(E2E_MAIL_DIR, name), "utf8")) as CaughtMailFile,
    ),
  );
}

/** The newest mail to `recipient` (waits up to `timeoutMs` for it to arrive). */
export async function waitForMail(recipient: string, timeoutMs = 10_000): Promise<CaughtMailFile> {
  let found: CaughtMailFile | undefined;
  await expect
    .poll(
      async () => {
        found = (await readMails()).filter((m) => m.to.includes(recipient.toLowerCase())).at(-1);
        return found !== undefined;
      },
      { message: `a mail to ${recipient} in ${E2E_MAIL_DIR}`, timeout: timeoutMs },
    )
    .toBe(true);
  return found!;
}

/* ------------------------------------------------------------------------------------------ */
/* Fixtures: console errors fail the test, in every context the test opens                    */
/* ------------------------------------------------------------------------------------------ */

export interface ConsoleGuard {
  /**
   * Declares an expected browser error (e.g. Chromium's "Failed to load resource: … status of
   * 404" on a page that is meant to answer 404). Everything else fails the test.
   */
  allow(pattern: RegExp): void;
  /** Records console errors and uncaught page errors of every page in `context`. */
  watch(context: BrowserContext, label: string): void;
}

interface Fixtures {
  consoleGuard: ConsoleGuard;
  /** Another browser (a second user or the vendor contact): same defaults as `context`. */
  newContext: (options?: BrowserContextOptions & { label?: string }) => Promise<BrowserContext>;
}

function createConsoleGuard() {
  const allowed: RegExp[] = [];
  const errors: string[] = [];
  const guard: ConsoleGuard = {
    allow: (pattern) => void allowed.push(pattern),
    watch(context, label) {
      context.on("console", (message) => {
        if (message.type() !== "error") return;
        const location = message.location();
        errors.push(
          `[${label}] console.error on ${message.page()?.url() ?? "?"}: ${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ""}`,
        );
      });
      context.on("weberror", (webError) => {
        const error = webError.error();
        errors.push(
          `[${label}] uncaught error on ${webError.page()?.url() ?? "?"}: ${error.stack ?? error.message}`,
        );
      });
    },
  };
  const unexpected = () => errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
  return { guard, unexpected };
}

export const test = base.extend<
  Fixtures & { _consoleState: ReturnType<typeof createConsoleGuard> }
>({
  // Playwright reads fixture dependencies from the destructuring pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  _consoleState: async ({}, provide) => {
    const state = createConsoleGuard();
    await provide(state);
    const unexpected = state.unexpected();
    if (unexpected.length > 0) {
      throw new Error(`Browser console errors during the test:\n  ${unexpected.join("\n  ")}`);
    }
  },
  consoleGuard: [
    async ({ _consoleState }, provide) => {
      await provide(_consoleState.guard);
    },
    { auto: true },
  ],
  context: async ({ context, _consoleState }, provide) => {
    _consoleState.guard.watch(context, "main");
    await provide(context);
  },
  newContext: async ({ browser, _consoleState }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async (options = {}) => {
      const { label, ...overrides } = options;
      // Inside a test, browser.newContext() starts from the same options as `context` (baseURL,
      // locale, viewport …); `overrides` only changes what a test asks for.
      const context = await browser.newContext(overrides);
      _consoleState.guard.watch(context, label ?? `context ${opened.length + 2}`);
      opened.push(context);
      return context;
    });
    for (const context of opened) await context.close();
  },
});
