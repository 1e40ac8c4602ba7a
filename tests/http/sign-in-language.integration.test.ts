import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTotpCode } from "~/modules/auth/totp.server";
import { db } from "~/utils/db.server";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";

/**
 * Issue 15, item 6: the language chosen before sign-in is kept after signing in and becomes the
 * user's one stored preference, so the next sign-in (another browser, no cookie) is in it too.
 */
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer();
});

afterAll(async () => {
  await app?.close();
});

/** A browser that asks for English, like most of ours do. */
function englishBrowser(): HttpClient {
  return createClient(app.baseUrl, { headers: { "Accept-Language": "en-GB,en;q=0.9" } });
}

function htmlLang(html: string): string | undefined {
  return /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
}

async function newUser(withTotp: boolean) {
  const org = await createOrganization();
  return createUser({ organizationId: org.id, role: withTotp ? "DPO" : "ASSESSOR", withTotp });
}

async function storedLocale(userId: string): Promise<string | null> {
  return (await db().user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } }))
    .locale;
}

describe("language chosen before sign-in", () => {
  it("is kept after a password sign-in and stored as the user's preference", async () => {
    const { user, password } = await newUser(false);
    expect(await storedLocale(user.id)).toBeNull();

    const browser = englishBrowser();
    await browser.post("/set-language", { locale: "de", redirectTo: "/login" });
    const signIn = await browser.post("/login", { email: user.email, password, redirectTo: "/" });
    expect(signIn.status).toBe(302);
    expect(htmlLang((await browser.get("/assessments")).body)).toBe("de");
    expect(await storedLocale(user.id)).toBe("de");

    // Another browser without the cookie: the stored preference decides, not Accept-Language.
    const elsewhere = englishBrowser();
    await elsewhere.post("/login", { email: user.email, password, redirectTo: "/" });
    expect(htmlLang((await elsewhere.get("/assessments")).body)).toBe("de");
  });

  it("is kept after a sign-in with a second factor", async () => {
    const { user, password, totpKey } = await newUser(true);
    const browser = englishBrowser();
    await browser.post("/set-language", { locale: "de", redirectTo: "/login" });
    await browser.post("/login", { email: user.email, password, redirectTo: "/" });
    const verified = await browser.post("/login/verify", {
      code: generateTotpCode(totpKey!, new Date()),
    });
    expect(verified.status).toBe(302);
    expect(await storedLocale(user.id)).toBe("de");
    expect(htmlLang((await browser.get("/assessments")).body)).toBe("de");
  });

  it("does not overwrite a stored preference, and the browser follows the user's preference", async () => {
    const { user, password } = await newUser(false);
    await db().user.update({ where: { id: user.id }, data: { locale: "en" } });
    const browser = englishBrowser();
    await browser.post("/set-language", { locale: "de", redirectTo: "/login" });
    await browser.post("/login", { email: user.email, password, redirectTo: "/" });
    expect(await storedLocale(user.id)).toBe("en");
    expect(htmlLang((await browser.get("/assessments")).body)).toBe("en");
    // After signing out the pages stay in the user's language (the cookie was set to it).
    await browser.post("/logout", {});
    expect(htmlLang((await browser.get("/login")).body)).toBe("en");
  });

  it("stores nothing when nobody chose a language", async () => {
    const { user, password } = await newUser(false);
    const browser = englishBrowser();
    await browser.post("/login", { email: user.email, password, redirectTo: "/" });
    expect(await storedLocale(user.id)).toBeNull();
  });

  it("is changed by the header control after sign-in, in the same column as /account", async () => {
    const { user, password } = await newUser(false);
    const browser = englishBrowser();
    await browser.post("/login", { email: user.email, password, redirectTo: "/" });
    await browser.post("/set-language", { locale: "de", redirectTo: "/assessments" });
    expect(await storedLocale(user.id)).toBe("de");
  });
});
