import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import { createInviteLink } from "../app/modules/assessments/create-invite-link.server";
import { forwardToDpo } from "../app/modules/assessments/forward-to-dpo.server";
import { startAssessment } from "../app/modules/assessments/start-assessment.server";
import type { VendorActor } from "../app/modules/auth/actor";
import { saveAnswers } from "../app/modules/portal/save-answers.server";
import { submitAssessment } from "../app/modules/portal/submit-assessment.server";
import type { AnswerValue } from "../app/modules/questionnaires/answer-value";
import { loadTemplateVersion } from "../app/modules/questionnaires/load-template-version.server";
import { db } from "../app/utils/db.server";
import { translate, type Locale, type MessageKey } from "../app/utils/i18n";
import { demoAnswers } from "../seeds/demo/demo-answers";
import { createVendor } from "../tests/support/factories";
import {
  actorFor,
  expect,
  freshTotpCode,
  HOME_URL,
  installBundledTemplatesViaApp,
  seedOrganization,
  seedUser,
  test,
  unique,
  waitForHydration,
  type Account,
} from "./support/fixtures";

/**
 * Each role's home page (issue 15 items 1 and 10): signing in through the login form lands on
 * "/", the "my work" inbox, with the role's sections, in English and German. The DPO finds the
 * assessment the assessor forwarded at the top and opens it. At 390 px nothing scrolls sideways.
 */

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page (ids and targets). */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (
      window as unknown as {
        axe: { run: (d: Document, o: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  });
}

const t = (locale: Locale, key: MessageKey, params?: Record<string, string | number>) =>
  translate(locale, key, params);
const BROWSER_LOCALE: Record<Locale, string> = { en: "en-GB", de: "de-DE" };
type RoleKey = "dpo" | "assessor" | "admin" | "auditor";

interface World {
  users: Record<RoleKey, Account>;
  forwardedId: string;
  forwardedTitle: string;
}

let world: World | null = null;

/** One organisation: an assessment submitted by the vendor and forwarded to the DPO. */
async function seedWorld(): Promise<World> {
  const org = await seedOrganization();
  const users = {
    dpo: await seedUser(org.id, "DPO", { withTotp: true, name: "Dana DPO" }),
    assessor: await seedUser(org.id, "ASSESSOR", { name: "Alex Assessor" }),
    admin: await seedUser(org.id, "ADMIN", { withTotp: true, name: "Ada Admin" }),
    auditor: await seedUser(org.id, "AUDITOR", { name: "Aud Auditor" }),
  };
  const assessor = await actorFor(users.assessor);
  await installBundledTemplatesViaApp(users.assessor);
  const version = await db().templateVersion.findFirstOrThrow({
    where: {
      status: "PUBLISHED",
      template: { organizationId: org.id, key: "ai-vendor-due-diligence" },
    },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  const vendor = await createVendor({ organizationId: org.id, name: unique("Home Vendor") });
  const title = `${vendor.name} – forwarded`;
  const assessment = await startAssessment(assessor, {
    vendorId: vendor.id,
    templateVersionId: version.id,
    title,
  });
  const contactEmail = `${unique("contact")}@vendor.example`;
  await createInviteLink(assessor, assessment.id, { contactEmail, locale: "en" });
  const invite = await db().inviteLink.findFirstOrThrow({
    where: { assessmentId: assessment.id, contactEmail },
  });
  const vendorActor: VendorActor = {
    kind: "vendor",
    organizationId: org.id,
    inviteLinkId: invite.id,
    assessmentId: assessment.id,
    email: contactEmail,
    ip: null,
  };
  const { definition } = await loadTemplateVersion(version.id);
  const answers = demoAnswers(definition, { quality: 1, overrides: {} }) as Record<
    string,
    AnswerValue
  >;
  await saveAnswers(
    vendorActor,
    Object.entries(answers).map(([questionKey, value]) => ({ questionKey, value, baseVersion: 0 })),
  );
  const submitted = await submitAssessment(vendorActor);
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.missingRequired.join(", ")}`);
  await forwardToDpo(assessor, assessment.id, "Please decide.");
  return { users, forwardedId: assessment.id, forwardedTitle: title };
}

/** The login form (and the second factor when enrolled), in the page's language. */
async function signIn(page: Page, account: Account, locale: Locale) {
  await page.goto("/login");
  await waitForHydration(page);
  await page.getByLabel(t(locale, "auth.email")).fill(account.email);
  await page.getByLabel(t(locale, "auth.password")).fill(account.password);
  await page.getByRole("button", { name: t(locale, "auth.signIn") }).click();
  if (account.totpKey) {
    await expect(page).toHaveURL(/\/login\/verify$/);
    await page
      .getByLabel(t(locale, "auth.code"))
      .fill(await freshTotpCode(account.userId, account.totpKey));
    await page.getByRole("button", { name: t(locale, "auth.verify") }).click();
  }
  await expect(page).toHaveURL(HOME_URL);
}

/** Groups and section titles each role's home shows (and the ones it must not show). */
const EXPECTED: Record<RoleKey, { groups: MessageKey[]; sections: MessageKey[] }> = {
  dpo: {
    groups: ["home.groupdecisions"],
    sections: [
      "home.sectionawaitingYourDecision",
      "home.sectionconditionsDue",
      "home.sectionimpactsToTriage",
    ],
  },
  assessor: {
    groups: ["home.groupassessments"],
    sections: [
      "home.sectionsubmitted",
      "home.sectionoverdue",
      "home.sectionclarificationsAnswered",
      "home.sectioncertificatesExpiring",
    ],
  },
  admin: {
    groups: ["home.groupmembers", "home.groupdecisions", "home.groupassessments"],
    sections: [
      "home.sectionmembersWithoutMfa",
      "home.sectionpendingInvitations",
      "home.sectionawaitingDecision",
      "home.sectionsubmitted",
    ],
  },
  auditor: {
    groups: ["home.groupaudit"],
    sections: ["home.sectionrecentDecisions", "home.chainTitle"],
  },
};
const TITLE_DAYS = { days: 0 };

test.describe("the home page after sign-in", () => {
  test.describe.configure({ mode: "serial" });
  test.setTimeout(120_000);

  test.beforeAll(async () => {
    world = await seedWorld();
  });

  for (const locale of ["en", "de"] as const) {
    for (const role of ["dpo", "assessor", "admin", "auditor"] as const) {
      test(`${role} (${locale}) lands on the home with the role's sections`, async ({
        newContext,
      }, testInfo) => {
        // bypassCSP: axe-core is injected as a script the page's policy would refuse.
        const context = await newContext({
          locale: BROWSER_LOCALE[locale],
          label: role,
          bypassCSP: true,
        });
        const page = await context.newPage();
        await signIn(page, world!.users[role], locale);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(
          t(locale, "home.pageTitle"),
        );
        await expect(page).toHaveTitle(`${t(locale, "home.pageTitle")} · Vetted`);
        // The navigation marks the home entry as the current page.
        await expect(
          page
            .getByRole("navigation", { name: t(locale, "common.navMain") })
            .getByRole("link", { name: t(locale, "home.navHome"), exact: true }),
        ).toHaveAttribute("aria-current", "page");
        const groups = page.getByRole("heading", { level: 2 });
        await expect(groups).toHaveText(EXPECTED[role].groups.map((key) => t(locale, key)));
        for (const key of EXPECTED[role].sections) {
          // Titles with a number of days: match the words before it.
          const title = t(locale, key, TITLE_DAYS).split(" 0 ")[0]!;
          await expect(
            page.getByRole("heading", { level: 3, name: title, exact: false }),
          ).toBeVisible();
        }
        expect(await seriousAxeViolations(page)).toEqual([]);
        // For the reviewer (issue 15 item 10): the page at 1440 px.
        await page.setViewportSize({ width: 1440, height: 900 });
        await page.screenshot({
          path: testInfo.outputPath(`home-${role}-${locale}-1440.png`),
          fullPage: true,
        });
        if (role === "auditor") {
          await expect(page.getByTestId("home-audit-chain")).toContainText(
            t(locale, "home.chainIntact", { checked: "", head: "", date: "" }).split(":")[0]!,
          );
        }
      });
    }
  }

  for (const locale of ["en", "de"] as const) {
    test(`the DPO (${locale}) sees the forwarded assessment at the top and opens it, also at 390 px`, async ({
      newContext,
    }, testInfo) => {
      const context = await newContext({
        locale: BROWSER_LOCALE[locale],
        label: "dpo",
        viewport: { width: 390, height: 844 },
      });
      const page = await context.newPage();
      await signIn(page, world!.users.dpo, locale);
      const awaiting = page.getByTestId("home-section-awaitingDecision");
      await expect(awaiting.getByTestId("home-count")).toHaveText("1");
      const first = awaiting.getByTestId("home-item").first();
      await expect(first).toContainText(world!.forwardedTitle);
      // A phone-width home page does not scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await page.screenshot({
        path: testInfo.outputPath(`home-dpo-${locale}-390.png`),
        fullPage: true,
      });
      // Empty sections say so in words.
      await expect(page.getByTestId("home-section-conditionsDue")).toContainText(
        t(locale, "home.empty"),
      );
      await first.getByRole("link", { name: world!.forwardedTitle }).click();
      await expect(page).toHaveURL(new RegExp(`/assessments/${world!.forwardedId}$`));
      await expect(page.getByRole("heading", { level: 1 })).toContainText(world!.forwardedTitle);

      // The count opens the filtered list: only what waits for a decision.
      await page.goto("/");
      await page.getByTestId("home-section-awaitingDecision").getByTestId("home-count").click();
      await expect(page).toHaveURL(/\/assessments\?status=AWAITING_DECISION$/);
      await expect(page.getByTestId("assessment-row")).toHaveCount(1);
    });
  }
});
