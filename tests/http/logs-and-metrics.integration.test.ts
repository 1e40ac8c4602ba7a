import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import { db } from "~/utils/db.server";
import { createClient, startAppServer, type HttpClient } from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { startProductionServer, type ProductionServer } from "../support/production-server";
import { verifiedSession } from "../support/vendor-sessions";
import { createInviteRecord, startRealAssessment } from "./http-fixtures";

/**
 * What an operator's log store and Prometheus receive from the production server (issue 13,
 * items 6 and 7), read from the real process (server/index.js) on this file's database:
 *   - every line it prints is one JSON object; a request's access line names its route (the
 *     Remix route id, not the path with ids), its status and duration, and who made it by id
 *     only; no e-mail address, token or secret anywhere; no framework warning on autosave;
 *   - /metrics needs the bearer token, and then lists request durations by route and the
 *     autosave counter, without personal data or secrets.
 */
const METRICS_TOKEN = randomBytes(24).toString("hex");
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

let server: ProductionServer;
let staff: HttpClient;
let vendor: HttpClient;
let secrets: string[];
let ids: { organizationId: string; userId: string; inviteLinkId: string };
let textQuestion: string;
let userEmail: string;

beforeAll(async () => {
  server = await startProductionServer({ LOG_LEVEL: "info", METRICS_TOKEN });
  const org = await createOrganization();
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  userEmail = assessor.user.email;
  const vendorRow = await createVendor({ organizationId: org.id });
  const assessment = await startRealAssessment({
    creator: assessor,
    organizationSlug: org.slug,
    vendorId: vendorRow.id,
    status: "IN_PROGRESS",
  });
  const version = await db().templateVersion.findUniqueOrThrow({
    where: { id: assessment.templateVersionId },
    select: { definition: true },
  });
  const definition = (
    typeof version.definition === "string" ? JSON.parse(version.definition) : version.definition
  ) as { sections: { questions: { key: string; type: string; showIf?: unknown }[] }[] };
  textQuestion = definition.sections
    .flatMap((section) => section.questions)
    .find((q) => (q.type === "short_text" || q.type === "long_text") && !q.showIf)!.key;
  const invite = await createInviteRecord({
    organizationId: org.id,
    assessmentId: assessment.id,
    createdById: assessor.user.id,
  });
  const sessionToken = await verifiedSession(invite.token);
  const [pair = ""] = (await vendorSessionCookie().serialize(sessionToken)).split(";");
  vendor = createClient(server.baseUrl);
  vendor.setCookie(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  staff = createClient(server.baseUrl);
  await staff.login(assessor.user.email, assessor.password);
  ids = {
    organizationId: org.id,
    userId: assessor.user.id,
    inviteLinkId: invite.invite.id,
  };
  secrets = [
    invite.token,
    sessionToken,
    ...staff.cookies().values(),
    METRICS_TOKEN,
    process.env.ENCRYPTION_KEY!,
    process.env.SESSION_SECRET!,
  ];
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

type LogLine = Record<string, unknown>;

/** The access line of one request (its X-Request-Id); written once the answer is out, so wait. */
async function accessLineOf(requestId: string | null): Promise<LogLine> {
  expect(requestId).toBeTruthy();
  for (let attempt = 0; attempt < 100; attempt++) {
    const line = server
      .output()
      .split("\n")
      .find((l) => l.includes(`"requestId":"${requestId}"`) && l.includes('"http.request"'));
    if (line) return JSON.parse(line) as LogLine;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no access line for request ${requestId}:\n${server.output()}`);
}

function autosave(value: string, baseVersion: number, shown: unknown) {
  return vendor.post("/portal/answer", [
    ["questionKey", textQuestion],
    [`v.${textQuestion}`, String(baseVersion)],
    [`o.${textQuestion}`, JSON.stringify(shown)],
    [`q.${textQuestion}`, value],
  ]);
}

async function scrape(): Promise<string> {
  const response = await fetch(`${server.baseUrl}/metrics`, {
    headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one sample line (`name{labels} value`), 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("the access log", () => {
  it("a signed-in staff request: one JSON line with route id, status, duration and the user's and organisation's ids, no personal data", async () => {
    const page = await staff.get("/assessments");
    expect(page.status).toBe(200);
    const line = await accessLineOf(page.headers.get("x-request-id"));
    expect(line).toMatchObject({
      level: "info",
      event: "http.request",
      method: "GET",
      route: "routes/assessments._index",
      path: "/assessments",
      status: 200,
      organizationId: ids.organizationId,
      userId: ids.userId,
    });
    expect(typeof line.durationMs).toBe("number");
    expect(typeof line.time).toBe("string");
  });

  it("a vendor autosave: route id instead of the path, the organisation and invite ids, and no framework warning", async () => {
    const saved = await autosave("logged answer", 0, null);
    expect(saved.status).toBe(200);
    const line = await accessLineOf(saved.headers.get("x-request-id"));
    expect(line).toMatchObject({
      route: "routes/portal.answer",
      status: 200,
      organizationId: ids.organizationId,
      inviteLinkId: ids.inviteLinkId,
    });
    expect(line).not.toHaveProperty("userId");
    const conflict = await autosave("stale answer", 0, null);
    expect(conflict.status).toBe(409);
    expect(await accessLineOf(conflict.headers.get("x-request-id"))).toMatchObject({
      route: "routes/portal.answer",
      status: 409,
    });
    expect(server.output()).not.toContain("REMIX FUTURE CHANGE");
  });

  it("a page with an id in its path is logged under its route id", async () => {
    const invite = await db().inviteLink.findUniqueOrThrow({ where: { id: ids.inviteLinkId } });
    const page = await staff.get(`/assessments/${invite.assessmentId}`);
    expect(page.status).toBe(200);
    const line = await accessLineOf(page.headers.get("x-request-id"));
    expect(line.route).toBe("routes/assessments.$assessmentId");
  });

  it("everything the server printed is one JSON object per line, without e-mail addresses or secrets", () => {
    const lines = server
      .output()
      .split("\n")
      .filter((l) => l !== "");
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      let parsed: unknown;
      expect(() => (parsed = JSON.parse(line)), line).not.toThrow();
      expect(parsed, line).toBeTypeOf("object");
      expect(Array.isArray(parsed), line).toBe(false);
    }
    expect(server.output()).not.toMatch(EMAIL);
    expect(server.output()).not.toContain(userEmail);
    for (const secret of secrets) expect(server.output()).not.toContain(secret);
  });
});

describe("/metrics", () => {
  it("does not exist when METRICS_TOKEN is not set", async () => {
    expect(process.env.METRICS_TOKEN).toBeUndefined();
    const app = await startAppServer({ mode: "production" });
    try {
      const response = await fetch(`${app.baseUrl}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("vetted_");
    } finally {
      await app.close();
    }
  });

  it("is refused without the bearer token or with a wrong one", async () => {
    const none = await fetch(`${server.baseUrl}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain("vetted_");
    const wrong = await fetch(`${server.baseUrl}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` },
    });
    expect(wrong.status).toBe(401);
  });

  it("lists request durations by route, counts autosaves by outcome, and holds no personal data or secrets", async () => {
    expect((await staff.get("/assessments")).status).toBe(200);
    const before = await scrape();
    const current = await db().answer.findFirstOrThrow({
      where: { questionKey: textQuestion },
      select: { version: true, value: true },
    });
    const saved = await autosave("counted answer", current.version, JSON.parse(current.value));
    expect(saved.status).toBe(200);
    const after = await scrape();

    expect(after).toMatch(
      /^vetted_http_request_duration_seconds_bucket\{le="[^"]+",route="routes\/assessments\._index",status_class="2xx"\} [1-9]/m,
    );
    const savedSeries = 'vetted_autosaves_total{outcome="saved"}';
    expect(sample(after, savedSeries)).toBe(sample(before, savedSeries) + 1);
    // Conflicts of the access-log test above were counted too.
    expect(sample(after, 'vetted_autosaves_total{outcome="conflict"}')).toBeGreaterThanOrEqual(1);
    // Default process metrics.
    expect(after).toMatch(/^process_cpu_user_seconds_total \d/m);
    // PostgreSQL: the pool's connections; SQLite has no pool.
    if (process.env.TEST_DB === "postgres")
      expect(sample(after, 'vetted_db_pool_connections{state="max"}')).toBe(10);
    else expect(after).not.toMatch(/^vetted_db_pool_connections\{/m);

    // Labels are route ids and outcomes: no paths with ids, no people, no secrets.
    for (const id of Object.values(ids)) expect(after).not.toContain(id);
    expect(after).not.toMatch(EMAIL);
    for (const secret of secrets) expect(after).not.toContain(secret);
  });
});
