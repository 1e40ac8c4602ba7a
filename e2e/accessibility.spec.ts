import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "@playwright/test";
import { createInviteLink } from "../app/modules/assessments/create-invite-link.server";
import { forwardToDpo } from "../app/modules/assessments/forward-to-dpo.server";
import { startAssessment } from "../app/modules/assessments/start-assessment.server";
import { saveAnswers } from "../app/modules/portal/save-answers.server";
import { startTemplateDraft } from "../app/modules/templates/start-template-draft.server";
import { submitAssessment } from "../app/modules/portal/submit-assessment.server";
import type { AnswerValue } from "../app/modules/questionnaires/answer-value";
import { loadTemplateVersion } from "../app/modules/questionnaires/load-template-version.server";
import type { VendorActor } from "../app/modules/auth/actor";
import { sha256Hex } from "../app/utils/crypto.server";
import { db } from "../app/utils/db.server";
import { translate, type Locale, type MessageKey } from "../app/utils/i18n";
import { de } from "../app/locales/de";
import { en } from "../app/locales/en";
import { demoAnswers } from "../seeds/demo/demo-answers";
import { createInvitationRecord } from "../tests/support/admin-factories";
import {
  createTestChangeEvent,
  createTestInstrument,
} from "../tests/support/change-event-factories";
import { createVendor } from "../tests/support/factories";
import { E2E_BASE_URL } from "./support/env";
import {
  actorFor,
  ageStepUp,
  expect,
  installBundledTemplatesViaApp,
  seedOrganization,
  seedUser,
  sessionCookieFor,
  test,
  unique,
  waitForHydration,
  waitForRouterIdle,
  type Account,
} from "./support/fixtures";
import { question } from "./support/portal";

/**
 * Accessibility of every role's main pages, in English and German (issue 11, item 20):
 *   - axe-core finds no WCAG 2.1 A/AA violation,
 *   - nothing focusable hides inside aria-hidden (chart SVGs were Tab stops),
 *   - exactly one h1 and a specific <title> in the page's language,
 *   - at 390 px the document does not scroll sideways (tables scroll in their own region),
 * and, with the keyboard: after the DPO decision, the vendor's submit and an autosave conflict,
 * focus is on the resulting message or dialog, never on <body>.
 * One page load per page and language; the data is seeded once through the use cases.
 */

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const LOCALES: Locale[] = ["en", "de"];
const BROWSER_LOCALE: Record<Locale, string> = { en: "en-GB", de: "de-DE" };
const NARROW = { width: 390, height: 844 };
const t = (locale: Locale, key: MessageKey, params?: Record<string, string | number>) =>
  translate(locale, key, params);
const titled = (...parts: string[]) => [...parts, "Vetted"].join(" · ");

/* ------------------------------------------------------------------------------------------ */
/* Seeded world (once per worker)                                                             */
/* ------------------------------------------------------------------------------------------ */

/** The vendor contact behind an invite link, as requireVendorSession builds it. */
async function vendorOf(assessmentId: string, contactEmail: string): Promise<VendorActor> {
  const invite = await db().inviteLink.findFirstOrThrow({ where: { assessmentId, contactEmail } });
  return {
    kind: "vendor",
    organizationId: invite.organizationId,
    inviteLinkId: invite.id,
    assessmentId,
    email: contactEmail,
    ip: null,
  };
}

/** Answers every question (demo answers); submits unless told not to. */
async function answer(
  vendor: VendorActor,
  templateVersionId: string,
  options: { submit: boolean; quality?: number },
) {
  const { definition } = await loadTemplateVersion(templateVersionId);
  const answers = demoAnswers(definition, {
    quality: options.quality ?? 1,
    overrides: {},
  }) as Record<string, AnswerValue>;
  await saveAnswers(
    vendor,
    Object.entries(answers).map(([questionKey, value]) => ({ questionKey, value, baseVersion: 0 })),
  );
  if (!options.submit) return;
  const submitted = await submitAssessment(vendor);
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.missingRequired.join(", ")}`);
}

/** A plain (unsigned) Remix cookie value: base64 of the JSON string, URI-encoded. */
const plainCookieValue = (token: string) =>
  encodeURIComponent(Buffer.from(JSON.stringify(token), "utf8").toString("base64"));

/** A vendor session for `vendor`'s invite link: verified (the portal) or waiting for its code. */
async function vendorSessionCookie(vendor: VendorActor, verified = true) {
  const token = randomBytes(32).toString("base64url");
  await db().vendorSession.create({
    data: {
      id: sha256Hex(token),
      organizationId: vendor.organizationId,
      inviteLinkId: vendor.inviteLinkId,
      expiresAt: new Date(Date.now() + 3600_000),
      verifiedAt: verified ? new Date() : null,
      codeHash: verified ? null : sha256Hex("not-a-real-code"),
      codeExpiresAt: verified ? null : new Date(Date.now() + 600_000),
    },
  });
  return { name: "vetted_vendor", value: plainCookieValue(token) };
}

interface World {
  users: Record<
    "admin" | "assessor" | "dpo" | "auditor" | "unenrolled" | "stepUp" | "totp",
    Account
  >;
  vendorId: string;
  templateId: string;
  /** SUBMITTED: the assessor's review. */
  reviewId: string;
  /** AWAITING_DECISION: the DPO's decision form. */
  decisionId: string;
  compareUrl: string;
  /** An editable questionnaire for the portal pages. */
  portalVendor: VendorActor;
  inviteToken: string;
  invitationToken: string;
  templateVersionId: string;
  organizationName: string;
  /** A template with an open draft: the editor. */
  draftTemplateId: string;
  /** Its published version: the reading page (the short template keeps axe-core quick). */
  draftTemplateVersionId: string;
  /** A regulatory change of the organisation's own framework: its detail page. */
  changeId: string;
}

let seeded: Promise<World> | undefined;

function world(): Promise<World> {
  seeded ??= (async () => {
    const org = await seedOrganization();
    const users = {
      admin: await seedUser(org.id, "ADMIN", { withTotp: true }),
      assessor: await seedUser(org.id, "ASSESSOR"),
      dpo: await seedUser(org.id, "DPO", { withTotp: true }),
      auditor: await seedUser(org.id, "AUDITOR"),
      unenrolled: await seedUser(org.id, "DPO"),
      stepUp: await seedUser(org.id, "ADMIN", { withTotp: true }),
      totp: await seedUser(org.id, "ASSESSOR", { withTotp: true }),
    };
    const assessor = await actorFor(users.assessor);
    await installBundledTemplatesViaApp(users.assessor);
    const version = await db().templateVersion.findFirstOrThrow({
      where: {
        status: "PUBLISHED",
        template: { organizationId: org.id, key: "ai-vendor-due-diligence" },
      },
      orderBy: { version: "desc" },
      select: { id: true, templateId: true },
    });
    const start = async (vendorName: string) => {
      const vendor = await createVendor({ organizationId: org.id, name: vendorName });
      const assessment = await startAssessment(assessor, {
        vendorId: vendor.id,
        templateVersionId: version.id,
        title: `${vendorName} – AI due diligence`,
      });
      const contactEmail = `${unique("contact")}@vendor.example`;
      const invite = await createInviteLink(assessor, assessment.id, {
        contactEmail,
        locale: "en",
      });
      return { vendor, assessment, invite, contact: await vendorOf(assessment.id, contactEmail) };
    };
    const reviewed = await start(unique("Acme AI"));
    await answer(reviewed.contact, version.id, { submit: true });
    const deciding = await start(unique("Zeta Cloud"));
    await answer(deciding.contact, version.id, { submit: true, quality: 0.5 });
    await forwardToDpo(assessor, deciding.assessment.id, "Please decide.");
    const portal = await start(unique("Portal KI"));
    await answer(portal.contact, version.id, { submit: false, quality: 0.6 });
    const residency = await db().questionnaireTemplate.findFirstOrThrow({
      where: { organizationId: org.id, key: "data-residency-transfers" },
      select: { id: true },
    });
    const residencyVersion = await db().templateVersion.findFirstOrThrow({
      where: { templateId: residency.id, status: "PUBLISHED" },
      select: { id: true },
    });
    await startTemplateDraft(assessor, { templateId: residency.id });
    const framework = await createTestInstrument(org.id, {
      titleEn: "Internal AI policy",
      titleDe: "Interne KI-Richtlinie",
    });
    const change = await createTestChangeEvent(framework, {
      summaryEn: "Incident reports within 48 hours",
      summaryDe: "Vorfallsmeldungen binnen 48 Stunden",
      effectiveAt: new Date("2027-01-01T00:00:00Z"),
    });
    const invitation = await createInvitationRecord({
      organizationId: org.id,
      invitedById: users.admin.userId,
    });
    return {
      users,
      vendorId: reviewed.vendor.id,
      templateId: version.templateId,
      templateVersionId: version.id,
      reviewId: reviewed.assessment.id,
      decisionId: deciding.assessment.id,
      compareUrl: `/compare?vendors=${reviewed.vendor.id},${deciding.vendor.id}`,
      portalVendor: portal.contact,
      inviteToken: /\/invite\/([^/?#]+)$/.exec(portal.invite.url)![1]!,
      invitationToken: invitation.token,
      organizationName: org.name,
      draftTemplateId: residency.id,
      draftTemplateVersionId: residencyVersion.id,
      changeId: change.id,
    };
  })();
  return seeded;
}

/* ------------------------------------------------------------------------------------------ */
/* The pages                                                                                  */
/* ------------------------------------------------------------------------------------------ */

type Who = keyof World["users"] | "vendor" | "unverifiedVendor" | "anonymous";

interface PageCase {
  name: string;
  who: Who;
  path: (w: World) => string;
  title: (locale: Locale, w: World) => string;
  /** Reaches the page some other way than a plain GET (e.g. through a form). */
  open?: (page: Page, w: World) => Promise<void>;
  /** Waits for what renders only after hydration (charts). */
  ready?: (page: Page) => Promise<void>;
}

const vendorName = async (w: World) =>
  (await db().vendor.findUniqueOrThrow({ where: { id: w.vendorId } })).name;
const assessmentTitle = async (id: string) =>
  (await db().assessment.findUniqueOrThrow({ where: { id } })).title;
const charts = async (page: Page) => {
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
};

// Names that the title needs from the database are looked up once, before the page cases run.
const names: {
  vendor: string;
  review: string;
  decision: string;
  portal: string;
  template: string;
  templateVersion: number;
  draftTemplate: string;
} = {
  vendor: "",
  review: "",
  decision: "",
  portal: "",
  template: "",
  templateVersion: 0,
  draftTemplate: "",
};

const PAGES: PageCase[] = [
  {
    name: "login",
    who: "anonymous",
    path: () => "/login",
    title: (l) => titled(t(l, "auth.signIn")),
  },
  {
    name: "second factor",
    who: "anonymous",
    path: () => "/login",
    title: (l) => titled(t(l, "auth.secondFactorTitle")),
    open: async (page, w) => {
      await page.goto("/login");
      await waitForHydration(page);
      await page.locator('input[name="email"]').fill(w.users.totp.email);
      await page.locator('input[name="password"]').fill(w.users.totp.password);
      await page.locator('main button[type="submit"]').click();
      await expect(page).toHaveURL(/\/login\/verify$/);
    },
  },
  {
    name: "report verification",
    who: "anonymous",
    path: () => "/verify",
    title: (l) => titled(t(l, "verify.title")),
  },
  {
    name: "accept invitation",
    who: "anonymous",
    path: (w) => `/accept-invitation/${w.invitationToken}`,
    title: (l) => titled(t(l, "admin.acceptPageTitle")),
  },
  {
    name: "home (DPO, with a forwarded assessment)",
    who: "dpo",
    path: () => "/",
    title: (l) => titled(t(l, "home.pageTitle")),
  },
  {
    name: "home (admin)",
    who: "admin",
    path: () => "/",
    title: (l) => titled(t(l, "home.pageTitle")),
  },
  {
    name: "notifications inbox",
    who: "dpo",
    path: () => "/notifications",
    title: (l) => titled(t(l, "notifications.title")),
  },
  {
    name: "vendors",
    who: "assessor",
    path: () => "/vendors",
    title: (l) => titled(t(l, "vendors.title")),
  },
  {
    name: "new vendor",
    who: "assessor",
    path: () => "/vendors/new",
    title: (l) => titled(t(l, "vendors.newVendorTitle")),
  },
  {
    name: "vendor page",
    who: "assessor",
    path: (w) => `/vendors/${w.vendorId}`,
    title: (l) => titled(names.vendor, t(l, "vendors.title")),
  },
  {
    name: "edit vendor",
    who: "assessor",
    path: (w) => `/vendors/${w.vendorId}/edit`,
    title: (l) => titled(t(l, "vendors.editVendorTitle", { name: names.vendor })),
  },
  {
    name: "delete vendor",
    who: "assessor",
    path: (w) => `/vendors/${w.vendorId}/delete`,
    title: (l) => titled(t(l, "vendors.deleteVendorTitle", { name: names.vendor })),
  },
  {
    name: "new product",
    who: "assessor",
    path: (w) => `/vendors/${w.vendorId}/products/new`,
    title: (l) => titled(t(l, "vendors.newProductTitle", { vendor: names.vendor })),
  },
  {
    name: "vendor history",
    who: "assessor",
    path: (w) => `/vendors/${w.vendorId}/history`,
    title: (l) => titled(t(l, "compare.historyTitle", { vendor: names.vendor })),
    ready: charts,
  },
  {
    name: "assessments",
    who: "assessor",
    path: () => "/assessments",
    title: (l) => titled(t(l, "assessments.title")),
  },
  {
    name: "new assessment",
    who: "assessor",
    path: () => "/assessments/new",
    title: (l) => titled(t(l, "assessments.newAssessment")),
  },
  {
    name: "assessment review",
    who: "assessor",
    path: (w) => `/assessments/${w.reviewId}`,
    title: (l) => titled(names.review, t(l, "assessments.pageTitle")),
  },
  {
    name: "assessment answers",
    who: "assessor",
    path: (w) => `/assessments/${w.reviewId}?tab=answers`,
    title: (l) => titled(names.review, t(l, "assessments.pageTitle")),
  },
  {
    name: "assessment vendor access",
    who: "assessor",
    path: (w) => `/assessments/${w.reviewId}?tab=vendor-access&open=invite-form`,
    title: (l) => titled(names.review, t(l, "assessments.pageTitle")),
  },
  {
    name: "DPO decision",
    who: "dpo",
    // The decision tab with its form unfolded, as the next-step bar opens it.
    path: (w) => `/assessments/${w.decisionId}?tab=decision&open=decide`,
    title: (l) => titled(names.decision, t(l, "assessments.pageTitle")),
  },
  {
    name: "compare",
    who: "assessor",
    path: (w) => w.compareUrl,
    title: (l) => titled(t(l, "compare.title")),
    ready: charts,
  },
  {
    name: "portfolio",
    who: "auditor",
    path: () => "/portfolio",
    title: (l) => titled(t(l, "portfolio.title")),
  },
  {
    name: "templates",
    who: "assessor",
    path: () => "/templates",
    title: (l) => titled(t(l, "templates.title")),
  },
  {
    name: "template",
    who: "assessor",
    path: (w) => `/templates/${w.templateId}`,
    title: (l) => titled(names.template, t(l, "templates.title")),
  },
  {
    name: "template version",
    who: "auditor",
    path: (w) => `/templates/${w.draftTemplateId}/versions/${w.draftTemplateVersionId}`,
    title: (l) =>
      titled(
        t(l, "templateReader.pageTitle", {
          name: names.draftTemplate,
          version: names.templateVersion,
        }),
        t(l, "templates.title"),
      ),
  },
  {
    name: "template editor",
    who: "assessor",
    path: (w) => `/templates/${w.draftTemplateId}/edit`,
    title: (l) => titled(t(l, "templates.editorTitle", { name: names.draftTemplate })),
  },
  {
    name: "template import",
    who: "assessor",
    path: () => "/templates/import",
    title: (l) => titled(t(l, "templates.importTitle")),
  },
  {
    name: "provision links",
    who: "assessor",
    path: (w) => `/templates/${w.templateId}/links`,
    title: (l) => titled(t(l, "provisionLinks.pageTitle")),
  },
  {
    name: "admin users",
    who: "admin",
    path: () => "/admin/users",
    title: (l) => titled(t(l, "admin.usersTitle")),
  },
  {
    name: "admin settings",
    who: "admin",
    path: () => "/admin/settings",
    title: (l) => titled(t(l, "admin.settingsTitle")),
  },
  {
    name: "weight profiles",
    who: "admin",
    path: () => "/admin/weight-profiles",
    title: (l) => titled(t(l, "weights.title")),
  },
  {
    name: "admin jobs",
    who: "admin",
    path: () => "/admin/jobs",
    title: (l) => titled(t(l, "admin.jobsTitle")),
  },
  {
    name: "admin signing",
    who: "admin",
    path: () => "/admin/signing",
    title: (l) => titled(t(l, "signing.title")),
  },
  {
    name: "audit log",
    who: "auditor",
    path: () => "/audit",
    title: (l) => titled(t(l, "audit.title")),
  },
  {
    name: "regulatory changes",
    who: "auditor",
    path: () => "/regulations/changes",
    title: (l) => titled(t(l, "regulationChanges.pageTitle")),
  },
  {
    name: "regulatory change",
    who: "dpo",
    path: (w) => `/regulations/changes/${w.changeId}`,
    title: (l) => titled(t(l, "impact.pageTitle")),
  },
  {
    name: "framework import",
    who: "dpo",
    path: () => "/regulations/import",
    title: (l) => titled(t(l, "frameworkImport.pageTitle")),
  },
  {
    name: "account",
    who: "assessor",
    path: () => "/account",
    title: (l) => titled(t(l, "auth.accountTitle")),
  },
  {
    name: "MFA set-up",
    who: "unenrolled",
    path: () => "/mfa/setup",
    title: (l) => titled(t(l, "auth.mfaSetupTitle")),
  },
  {
    name: "step-up",
    who: "stepUp",
    path: () => "/auth/step-up?redirectTo=/admin/users",
    title: (l) => titled(t(l, "auth.stepUpTitle")),
  },
  {
    name: "vendor invite landing",
    who: "anonymous",
    path: (w) => `/invite/${w.inviteToken}`,
    title: (l, w) => titled(t(l, "portal.landingTitle", { organization: w.organizationName })),
  },
  {
    name: "vendor code",
    who: "unverifiedVendor",
    path: () => "/portal/verify",
    title: (l) => titled(t(l, "access.verifyTitle")),
  },
  {
    name: "vendor questionnaire",
    who: "vendor",
    path: () => "/portal",
    title: (l) => titled(names.portal, t(l, "portal.title")),
  },
  {
    name: "vendor delegation",
    who: "vendor",
    path: () => "/portal/delegate",
    title: (l) => titled(t(l, "access.delegateTitle")),
  },
  {
    name: "vendor session ended",
    who: "anonymous",
    path: () => "/portal/ended",
    title: (l) => titled(t(l, "portal.sessionEndedTitle")),
  },
];

/** A browser for `who` in `locale` (CSP bypassed only so that axe-core can be injected). */
async function browserFor(
  newContext: (options?: object) => Promise<BrowserContext>,
  who: Who,
  locale: Locale,
  w: World,
): Promise<BrowserContext> {
  const context = await newContext({
    label: `${who} (${locale})`,
    locale: BROWSER_LOCALE[locale],
    bypassCSP: true,
  });
  if (who === "anonymous") return context;
  if (who === "vendor" || who === "unverifiedVendor") {
    const cookie = await vendorSessionCookie(w.portalVendor, who === "vendor");
    await context.addCookies([{ ...cookie, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
    return context;
  }
  const account = w.users[who];
  const cookie = await sessionCookieFor(account, { mfaVerified: account.totpKey !== null });
  await context.addCookies([{ ...cookie, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
  if (who === "stepUp") await ageStepUp(account.userId);
  return context;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations;
  });
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} → ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
}

/** Elements that take keyboard focus although an ancestor (or they themselves) are aria-hidden. */
async function focusableInsideAriaHidden(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const FOCUSABLE =
      'a[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, [contenteditable=""], [contenteditable="true"], [tabindex]';
    const found: string[] = [];
    for (const hidden of Array.from(document.querySelectorAll('[aria-hidden="true"]'))) {
      const candidates = [hidden, ...Array.from(hidden.querySelectorAll(FOCUSABLE))];
      for (const element of candidates) {
        if (
          !(element instanceof HTMLElement || element instanceof SVGElement) ||
          !element.matches(FOCUSABLE)
        )
          continue;
        if (
          element.closest("[inert]") ||
          (element as HTMLInputElement).disabled ||
          element.tabIndex < 0 ||
          !element.checkVisibility()
        )
          continue;
        found.push(
          `${element.tagName.toLowerCase()}${element.getAttribute("class") ? `.${String(element.getAttribute("class")).split(" ")[0]}` : ""}`,
        );
      }
    }
    return found;
  });
}

/**
 * What sticks out to the right of the viewport without a scrolling container of its own (for the
 * failure message): each as a short path of its ancestors.
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 1;
    const contained = (element: Element) => {
      for (
        let parent = element.parentElement;
        parent && parent !== document.body;
        parent = parent.parentElement
      ) {
        if (getComputedStyle(parent).overflowX !== "visible")
          return parent.getBoundingClientRect().right <= limit;
      }
      return false;
    };
    const wide = Array.from(document.querySelectorAll("body *")).filter(
      (element) => element.getBoundingClientRect().right > limit && !contained(element),
    );
    const outermost = wide.filter(
      (element) => !wide.some((other) => other !== element && other.contains(element)),
    );
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.getAttribute("data-testid") ? `[data-testid=${element.getAttribute("data-testid")}]` : ""}${typeof element.className === "string" && element.className ? `.${element.className.split(" ").slice(0, 4).join(".")}` : ""}`;
    const path = (element: Element) => {
      const parts: string[] = [];
      for (
        let current: Element | null = element;
        current && current !== document.body && parts.length < 4;
        current = current.parentElement
      )
        parts.unshift(describe(current));
      return `${parts.join(" > ")} (${Math.round(element.getBoundingClientRect().right)} px)`;
    };
    const deepest = wide.filter(
      (element) => !wide.some((other) => other !== element && element.contains(other)),
    );
    return [...outermost.slice(0, 3).map(path), "deepest:", ...deepest.slice(0, 4).map(path)];
  });
}

/**
 * aria-labels left in English on a German page: every English dictionary text whose German
 * translation differs must not appear as an aria-label there ("Main" was one).
 */
const ENGLISH_ONLY = (() => {
  const texts = new Set<string>();
  for (const [namespace, entries] of Object.entries(en)) {
    for (const [key, text] of Object.entries(entries as Record<string, string>)) {
      if ((de as Record<string, Record<string, string>>)[namespace]?.[key] !== text)
        texts.add(text);
    }
  }
  return texts;
})();

async function untranslatedLabels(page: Page, locale: Locale): Promise<string[]> {
  if (locale !== "de") return [];
  const labels = await page.evaluate(() =>
    Array.from(document.querySelectorAll("[aria-label]")).map(
      (element) => element.getAttribute("aria-label") ?? "",
    ),
  );
  return labels.filter((label) => ENGLISH_ONLY.has(label) || /^(Main|Pagination)$/.test(label));
}

test.describe("accessibility of every role's main pages (axe-core, WCAG 2.1 A/AA)", () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const w = await world();
    names.vendor = await vendorName(w);
    names.review = await assessmentTitle(w.reviewId);
    names.decision = await assessmentTitle(w.decisionId);
    names.portal = await assessmentTitle(w.portalVendor.assessmentId);
    names.template = (
      await db().questionnaireTemplate.findUniqueOrThrow({ where: { id: w.templateId } })
    ).name;
    names.templateVersion = (
      await db().templateVersion.findUniqueOrThrow({ where: { id: w.draftTemplateVersionId } })
    ).version;
    names.draftTemplate = (
      await db().questionnaireTemplate.findUniqueOrThrow({ where: { id: w.draftTemplateId } })
    ).name;
  });

  for (const pageCase of PAGES) {
    for (const locale of LOCALES) {
      test(`${pageCase.name} (${locale})`, async ({ newContext }) => {
        const w = await world();
        const context = await browserFor(newContext, pageCase.who, locale, w);
        const page = await context.newPage();
        if (pageCase.open) await pageCase.open(page, w);
        else await page.goto(pageCase.path(w));
        await waitForHydration(page);
        await pageCase.ready?.(page);

        // Soft: one run reports every problem of the page, not only the first.
        await expect
          .soft(page, "a specific title in the page's language")
          .toHaveTitle(pageCase.title(locale, w), { timeout: 2_000 });
        await expect.soft(page.locator("html")).toHaveAttribute("lang", locale, { timeout: 1_000 });
        await expect.soft(page.locator("h1"), "exactly one h1").toHaveCount(1, { timeout: 1_000 });
        expect
          .soft(await untranslatedLabels(page, locale), "aria-labels in the page's language")
          .toEqual([]);
        expect
          .soft(await focusableInsideAriaHidden(page), "focusable elements inside aria-hidden")
          .toEqual([]);
        expect.soft(await axeViolations(page), "axe-core violations").toEqual([]);

        await page.setViewportSize(NARROW);
        // Charts and wrapped text settle after the resize; the width must come down to 390.
        const width = () => page.evaluate(() => document.documentElement.scrollWidth);
        await expect
          .poll(width, { timeout: 3_000 })
          .toBeLessThanOrEqual(NARROW.width)
          .catch(() => undefined);
        // What sticks out is looked for only when something does: the search reads the layout
        // of every element, which takes seconds on a long page (a template version).
        const finalWidth = await width();
        const tooWide =
          finalWidth > NARROW.width ? (await overflowing(page)).join(", ") : "nothing";
        expect
          .soft(finalWidth, `document wider than 390 px; too wide: ${tooWide}`)
          .toBeLessThanOrEqual(NARROW.width);
      });
    }
  }
});

/* ------------------------------------------------------------------------------------------ */
/* Keyboard: where focus goes after an action                                                 */
/* ------------------------------------------------------------------------------------------ */

/** What has focus: its tag, role, test id and text (enough to tell body from a message). */
const activeElement = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? "none",
      role: element?.getAttribute("role") ?? null,
      testId: element?.dataset.testid ?? null,
      text: element?.textContent?.trim().slice(0, 200) ?? "",
    };
  });

test.describe("keyboard: focus after an action never falls to <body>", () => {
  test("after the DPO decision, focus is on the message that says it was recorded", async ({
    newContext,
  }) => {
    const w = await world();
    // A fresh assessment awaiting a decision: the decision changes it.
    const assessor = await actorFor(w.users.assessor);
    const vendor = await createVendor({
      organizationId: w.users.assessor.organizationId,
      name: unique("Decided AI"),
    });
    const assessment = await startAssessment(assessor, {
      vendorId: vendor.id,
      templateVersionId: w.templateVersionId,
      title: `${vendor.name} – AI due diligence`,
    });
    const contactEmail = `${unique("contact")}@vendor.example`;
    await createInviteLink(assessor, assessment.id, { contactEmail, locale: "en" });
    await answer(await vendorOf(assessment.id, contactEmail), w.templateVersionId, {
      submit: true,
    });
    await forwardToDpo(assessor, assessment.id, "Please decide.");

    const context = await browserFor(newContext, "dpo", "en", w);
    const page = await context.newPage();
    await page.goto(`/assessments/${assessment.id}?tab=decision&open=decide`);
    await waitForHydration(page);
    await page
      .getByLabel("Rationale", { exact: false })
      .fill("Meets our requirements; no open knock-out criteria.");
    await page.getByRole("button", { name: "Record decision" }).press("Enter");
    await waitForRouterIdle(page);
    await expect(page.getByTestId("decision-recorded")).toBeVisible();
    await expect.poll(() => activeElement(page)).toMatchObject({ testId: "decision-recorded" });
  });

  test("after the vendor's submit, focus is on the confirmation", async ({ newContext }) => {
    const w = await world();
    const assessor = await actorFor(w.users.assessor);
    const vendor = await createVendor({
      organizationId: w.users.assessor.organizationId,
      name: unique("Submitting AI"),
    });
    const assessment = await startAssessment(assessor, {
      vendorId: vendor.id,
      templateVersionId: w.templateVersionId,
      title: `${vendor.name} – AI due diligence`,
    });
    const contactEmail = `${unique("contact")}@vendor.example`;
    await createInviteLink(assessor, assessment.id, { contactEmail, locale: "en" });
    const contact = await vendorOf(assessment.id, contactEmail);
    await answer(contact, w.templateVersionId, { submit: false });

    const context = await newContext({ label: "vendor (submit)" });
    await context.addCookies([
      {
        ...(await vendorSessionCookie(contact)),
        url: E2E_BASE_URL,
        httpOnly: true,
        sameSite: "Lax",
      },
    ]);
    const page = await context.newPage();
    await page.goto("/portal");
    await waitForHydration(page);
    await page.getByRole("button", { name: "Submit questionnaire" }).press("Enter");
    // The confirmation step takes focus first; its button submits.
    await expect
      .poll(() => activeElement(page))
      .toMatchObject({ tag: "h2", text: "Submit your answers?" });
    await page.getByRole("button", { name: "Confirm and submit" }).press("Enter");
    await expect(page.getByTestId("submitted-banner")).toBeVisible();
    await waitForRouterIdle(page);
    await expect.poll(() => activeElement(page)).toMatchObject({ testId: "submitted-message" });
  });

  test("a submit with unanswered required questions moves focus to the list of what is missing", async ({
    newContext,
    consoleGuard,
  }) => {
    // The refused submit is answered with 400 Bad Request; Chromium logs the status.
    consoleGuard.allow(/Failed to load resource: the server responded with a status of 400/);
    const w = await world();
    const assessor = await actorFor(w.users.assessor);
    const vendor = await createVendor({
      organizationId: w.users.assessor.organizationId,
      name: unique("Incomplete AI"),
    });
    const assessment = await startAssessment(assessor, {
      vendorId: vendor.id,
      templateVersionId: w.templateVersionId,
      title: `${vendor.name} – AI due diligence`,
    });
    const contactEmail = `${unique("contact")}@vendor.example`;
    await createInviteLink(assessor, assessment.id, { contactEmail, locale: "en" });
    const context = await newContext({ label: "vendor (incomplete submit)" });
    await context.addCookies([
      {
        ...(await vendorSessionCookie(await vendorOf(assessment.id, contactEmail))),
        url: E2E_BASE_URL,
        httpOnly: true,
        sameSite: "Lax",
      },
    ]);
    const page = await context.newPage();
    await page.goto("/portal");
    await waitForHydration(page);
    await page.getByRole("button", { name: "Submit questionnaire" }).press("Enter");
    await expect(page.getByTestId("missing-required")).toBeVisible();
    await expect.poll(() => activeElement(page)).toMatchObject({ testId: "submit-problems" });
  });

  test("an autosave conflict moves focus to its dialog, and the choice back to the field", async ({
    newContext,
    consoleGuard,
  }) => {
    // The autosave endpoint answers a conflicting save with 409 Conflict; Chromium logs the status.
    consoleGuard.allow(/Failed to load resource: the server responded with a status of 409/);
    const w = await world();
    const assessor = await actorFor(w.users.assessor);
    const vendor = await createVendor({
      organizationId: w.users.assessor.organizationId,
      name: unique("Conflict AI"),
    });
    const assessment = await startAssessment(assessor, {
      vendorId: vendor.id,
      templateVersionId: w.templateVersionId,
      title: `${vendor.name} – AI due diligence`,
    });
    const contactEmail = `${unique("contact")}@vendor.example`;
    await createInviteLink(assessor, assessment.id, { contactEmail, locale: "en" });
    const contact = await vendorOf(assessment.id, contactEmail);

    const open = async (label: string) => {
      const context = await newContext({ label });
      await context.addCookies([
        {
          ...(await vendorSessionCookie(contact)),
          url: E2E_BASE_URL,
          httpOnly: true,
          sameSite: "Lax",
        },
      ]);
      const page = await context.newPage();
      await page.goto("/portal");
      await waitForHydration(page);
      return page;
    };
    const first = await open("browser 1");
    const second = await open("browser 2");
    const key = "data_use.subprocessors";
    await question(first, key).locator('input[type="text"]').fill("Azure (Ireland)");
    await expect(question(first, key).getByTestId("save-status")).toHaveText("Saved");

    const field = question(second, key).locator('input[type="text"]');
    await field.focus();
    await second.keyboard.type("AWS (Frankfurt)");
    const dialog = question(second, key).getByTestId("conflict-dialog");
    await expect(dialog).toBeVisible();
    await expect.poll(() => activeElement(second)).toMatchObject({ role: "alertdialog" });

    // Tab to "Use my answer" and press it: focus returns to the answer's field.
    await second.keyboard.press("Tab");
    await second.keyboard.press("Tab");
    await expect
      .poll(() => activeElement(second))
      .toMatchObject({ tag: "button", text: "Use my answer" });
    await second.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(field).toBeFocused();
  });
});
