import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import { db } from "~/utils/db.server";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { verifiedSession } from "../support/vendor-sessions";
import { createInviteRecord, routePatterns, startRealAssessment } from "./http-fixtures";

/**
 * HTTP semantics of every action (issue 13, item 6): a form the action cannot use (no fields,
 * an unknown intent, a made-up field) is answered with a 4xx (or a redirect where the route
 * always answers with one), never 200 as if it had worked and never 500. Every action of the
 * build is posted to, by a signed-in ADMIN with a fresh second factor and by a vendor contact,
 * with the organisation's own ids in the URL (foreign ids: tests/http/tenancy).
 */
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer({ mode: "production" });
});

afterAll(async () => {
  await app?.close();
});

/** Routes that take no form from a signed-in user: sign-in, sign-out and secret-link pages. */
const SKIPPED = /\/login|\/logout|:token/;
const UNUSABLE_FORMS: Record<string, string>[] = [{}, { intent: "bogus" }, { nonsense: "1" }];
/**
 * Actions for which such a form is a success, by design. The vendor's plain questionnaire form
 * takes any intent but "submit" as "save", and a save that changes nothing is done ("0 saved",
 * 200): a stale or hand-made page never blocks the contact (save-portal-form.server.ts).
 */
const SUCCEEDS_BY_DESIGN = new Set(["routes/portal._index"]);

describe("actions given a form they cannot use", () => {
  it("answer 4xx or redirect, never 200 or 5xx", async () => {
    const org = await createOrganization();
    const admin = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
    const vendor = await createVendor({ organizationId: org.id });
    const assessment = await startRealAssessment({
      creator: admin,
      organizationSlug: org.slug,
      vendorId: vendor.id,
      status: "IN_PROGRESS",
    });
    const version = await db().templateVersion.findUniqueOrThrow({
      where: { id: assessment.templateVersionId },
    });
    const product = await db().product.findFirst({ where: { vendorId: vendor.id } });
    const ids: Record<string, string> = {
      vendorId: vendor.id,
      productId: product?.id ?? "none",
      assessmentId: assessment.id,
      templateId: version.templateId,
      versionId: version.id,
    };
    const staff = createClient(app.baseUrl);
    await staff.login(admin.user.email, admin.password, admin.totpKey);
    const { token } = await createInviteRecord({
      organizationId: org.id,
      assessmentId: assessment.id,
      createdById: admin.user.id,
    });
    const [pair = ""] = (await vendorSessionCookie().serialize(await verifiedSession(token))).split(
      ";",
    );
    const contact = createClient(app.baseUrl);
    contact.setCookie(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));

    const answeredOk: string[] = [];
    let posted = 0;
    for (const route of routePatterns(app.build)) {
      if (!route.hasAction || SKIPPED.test(route.pattern)) continue;
      const path = route.pattern.replace(/:(\w+)\??/g, (_, name: string) => ids[name] ?? "none");
      const client = route.pattern.startsWith("/portal") ? contact : staff;
      for (const form of UNUSABLE_FORMS) {
        const response = await client.post(path, form);
        posted += 1;
        expect(response.status, `${route.id} ${JSON.stringify(form)}`).toBeLessThan(500);
        if (response.status === 200 && !SUCCEEDS_BY_DESIGN.has(route.id))
          answeredOk.push(`${route.id} ${JSON.stringify(form)}`);
      }
    }
    expect(posted).toBeGreaterThan(60);
    expect(answeredOk).toEqual([]);
  }, 60_000);
});
