import { describe, expect, it } from "vitest";
import { createSessionFor } from "../../../tests/support/admin-factories";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { db } from "../../utils/db.server";
import { requireUser } from "../auth/guards.server";
import { probePage, storePage } from "./page-cache.server";

/**
 * A page rendered afresh (a cache miss) costs ONE session validation (issue 12): the page cache
 * validates the session before Remix runs and keeps the result in the request's scope, which the
 * loaders' guards then use instead of validating again. Observed here through a session revoked
 * between the two: the loaders of that same request see the validation the probe made.
 */
describe("the page cache hands its session validation to the loaders", () => {
  it("a miss's loaders use the probe's validation; a request without that scope validates again", async () => {
    const org = await createOrganization();
    const { user, membership } = await createUser({ organizationId: org.id, role: "AUDITOR" });
    const { cookie, sessionId } = await createSessionFor(user.id, membership.organizationId);
    const scope = new Map<symbol, unknown>();
    const probe = await probePage({
      method: "GET",
      url: "/portfolio?x=1",
      cookie,
      acceptLanguage: "en",
      scope,
    });
    expect(probe?.hit).toBeNull();

    await db().session.delete({ where: { id: sessionId } });
    const request = new Request("http://localhost/portfolio?x=1", { headers: { Cookie: cookie } });
    const actor = await requireUser(request, { requestScope: scope } as never);
    expect(actor).toMatchObject({ userId: user.id, organizationId: org.id, sessionId });

    // Another request (its own scope) validates anew and finds the session gone.
    const redirect = await requireUser(request, { requestScope: new Map() } as never).catch(
      (thrown: unknown) => thrown,
    );
    expect(redirect).toBeInstanceOf(Response);
    expect((redirect as Response).headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("an entry's lifetime", () => {
  it("is one minute from its render, whatever the clock's minute", async () => {
    const org = await createOrganization();
    const { user, membership } = await createUser({ organizationId: org.id, role: "AUDITOR" });
    const { cookie } = await createSessionFor(user.id, membership.organizationId);
    const request = { method: "GET", url: "/portfolio?age=1", cookie, acceptLanguage: "en" };
    // Rendered one second before a minute ends.
    const renderedAt = Date.UTC(2026, 11, 7, 12, 0, 59);
    const miss = await probePage(request, renderedAt);
    expect(miss?.hit).toBeNull();
    storePage(
      miss!.key,
      { html: "<html>N R</html>", contentType: "text/html", nonce: "N", requestId: "R" },
      renderedAt,
    );
    expect((await probePage(request, renderedAt + 1_000))?.hit).not.toBeNull();
    expect((await probePage(request, renderedAt + 59_999))?.hit).not.toBeNull();
    expect((await probePage(request, renderedAt + 60_000))?.hit).toBeNull();
    expect((await probePage(request, renderedAt + 60_001))?.hit).toBeNull();
  });
});
