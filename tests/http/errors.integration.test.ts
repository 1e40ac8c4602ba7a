import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
  type HttpResponse,
} from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import {
  createInviteRecord,
  startRealAssessment,
  testIdText,
  type CreatedUser,
} from "./http-fixtures";

/**
 * Errors over real HTTP: an unexpected failure shows the request id and nothing of the server's
 * insides; malformed form posts are answered with 4xx, never 500 (PRODUCT.md non-negotiables).
 *
 * The app runs in Remix "production" mode here, as deployments do (server/index.js and the demo
 * set NODE_ENV=production). In "development" mode Remix deliberately sends error stacks to the
 * browser for debugging, which is what createApp chooses for any other NODE_ENV (e.g. "test").
 */
let app: AppServer;
let org: { id: string; slug: string };
let assessor: CreatedUser;
let staff: HttpClient;
let vendorId: string;
let templateVersionId: string;

beforeAll(async () => {
  app = await startAppServer({ mode: "production", trustProxy: true });
  org = await createOrganization();
  assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  vendorId = (await createVendor({ organizationId: org.id })).id;
  const assessment = await startRealAssessment({
    creator: assessor,
    organizationSlug: org.slug,
    vendorId,
  });
  templateVersionId = assessment.templateVersionId;
  staff = createClient(app.baseUrl, { headers: { "X-Forwarded-For": "198.51.100.1" } });
  await staff.login(assessor.user.email, assessor.password);
});

afterAll(async () => {
  await app?.close();
});

/** Signs of server internals in a page: stack frames, file paths, source names. */
function internalsIn(body: string): string[] {
  const patterns: [string, RegExp][] = [
    ["a stack frame", /\bat [\w$.<>]+ \(|\\n\s+at |\n\s+at /],
    [
      "a file URL or path",
      /file:\/\/|\/work\/|\/home\/|\/usr\/|node_modules|build\/server|app\/(modules|routes|utils)\//,
    ],
    ["a source file name", /\.(server\.)?tsx?\b|index\.js:\d+/],
    ["an error class name", /\b(SyntaxError|TypeError|ReferenceError|PrismaClient\w*Error)\b/],
    [
      "the error message",
      /Expected property name|Stored template definition is invalid|JSON at position/,
    ],
  ];
  return patterns.filter(([, pattern]) => pattern.test(body)).map(([name]) => name);
}

describe("unexpected server errors", () => {
  it("answer 500 with the request id on the page and no stack trace", async () => {
    const corruptions = ["{not json", JSON.stringify({ key: "x", sections: 5 })];
    for (const definition of corruptions) {
      const assessment = await startRealAssessment({
        creator: assessor,
        organizationSlug: org.slug,
        vendorId,
      });
      // Its own template version, so corrupting it spoils only this assessment.
      const original = await db().templateVersion.findUniqueOrThrow({
        where: { id: assessment.templateVersionId },
      });
      const copy = await db().templateVersion.create({
        data: {
          templateId: original.templateId,
          version: 100 + corruptions.indexOf(definition),
          // A draft, so later assessments in this file never pick the corrupt version.
          status: "DRAFT",
          definition,
          checksum: "corrupt",
          publishedAt: new Date(),
        },
      });
      await db().assessment.update({
        where: { id: assessment.id },
        data: { templateVersionId: copy.id },
      });

      const response = await staff.get(`/assessments/${assessment.id}`);
      expect(response.status, definition).toBe(500);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      const requestId = response.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(testIdText(response.body, "request-id")).toBe(requestId);
      expect(response.body).toContain('role="alert"');
      expect(internalsIn(response.body), definition).toEqual([]);
    }
    // The app still works afterwards.
    expect((await staff.get("/assessments")).status).toBe(200);
  });
});

/** A multipart body built by hand (for fields fetch's FormData cannot express). */
function multipart(parts: { name: string; value: string; filename?: string; type?: string }[]) {
  const boundary = "----vetted-test-boundary";
  const body = parts
    .map((p) =>
      [
        `--${boundary}`,
        `Content-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ""}`,
        ...(p.type ? [`Content-Type: ${p.type}`] : []),
        "",
        p.value,
      ].join("\r\n"),
    )
    .join("\r\n")
    .concat(`\r\n--${boundary}--\r\n`);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const MEGABYTE = "x".repeat(1024 * 1024);

/** Well-formed requests whose fields are missing, huge or of the wrong kind. */
function malformedFields(
  valid: Record<string, string>,
): [string, { body: string | URLSearchParams | FormData; contentType?: string }][] {
  const names = Object.keys(valid);
  const cases: [string, { body: string | URLSearchParams | FormData; contentType?: string }][] = [
    ["an empty form", { body: new URLSearchParams() }],
    [
      "only unknown fields",
      { body: new URLSearchParams({ foo: "bar", __proto__: "x", constructor: "y" }) },
    ],
  ];
  for (const name of names) {
    const without = new URLSearchParams(valid);
    without.delete(name);
    cases.push([`no ${name}`, { body: without }]);
    cases.push([
      `a 2 MB ${name}`,
      { body: new URLSearchParams({ ...valid, [name]: MEGABYTE + MEGABYTE }) },
    ]);
    const twice = new URLSearchParams(valid);
    twice.append(name, "second value");
    cases.push([`${name} twice`, { body: twice }]);
    cases.push([
      `${name} as name[]`,
      {
        body: new URLSearchParams({
          ...Object.fromEntries(Object.entries(valid).filter(([k]) => k !== name)),
          [`${name}[]`]: "x",
        }),
      },
    ]);
    const withFile = new FormData();
    for (const [k, v] of Object.entries(valid)) {
      if (k === name)
        withFile.append(
          k,
          new Blob(["%PDF-1.4 not a form field"], { type: "application/pdf" }),
          "evidence.pdf",
        );
      else withFile.append(k, v);
    }
    cases.push([`${name} as a file upload`, { body: withFile }]);
    cases.push([
      `${name} with control characters`,
      { body: new URLSearchParams({ ...valid, [name]: "\u0007\u001b[31m\ud800\u202e" }) },
    ]);
  }
  cases.push([
    "invalid percent-encoding",
    {
      body: "email=%E0%A4%A&password=%&redirectTo=%ZZ",
      contentType: "application/x-www-form-urlencoded",
    },
  ]);
  cases.push([
    "numbers, booleans and nulls as text",
    {
      body: new URLSearchParams(
        Object.fromEntries(
          names.map((n, i) => [n, ["1e309", "true", "null", "-0", "NaN"][i % 5]!]),
        ),
      ),
    },
  ]);
  return cases;
}

/** Bodies that cannot be read as a form at all. */
function unparseableBodies(): [string, { body: string; contentType: string }][] {
  return [
    [
      "a multipart body with a broken boundary",
      { body: "--nope\r\ngarbage", contentType: "multipart/form-data; boundary=something-else" },
    ],
    [
      "a truncated multipart body",
      {
        body: multipart([{ name: "email", value: "a@example.test" }]).body.slice(0, 60),
        contentType: multipart([]).contentType,
      },
    ],
    ["multipart without a boundary", { body: "garbage", contentType: "multipart/form-data" }],
    [
      "JSON",
      {
        body: JSON.stringify({ email: "a@example.test", password: "x" }),
        contentType: "application/json",
      },
    ],
    ["plain text", { body: "email=a@example.test", contentType: "text/plain" }],
  ];
}

async function send(
  client: HttpClient,
  path: string,
  request: { body: string | URLSearchParams | FormData; contentType?: string },
): Promise<HttpResponse> {
  return client.request("POST", path, { body: request.body, contentType: request.contentType });
}

function expectNo5xx(results: [string, HttpResponse][]) {
  const serverErrors = results
    .filter(([, r]) => r.status >= 500)
    .map(([label, r]) => `${label}: ${r.status}`);
  expect(serverErrors).toEqual([]);
}

describe("malformed form posts to /login", () => {
  it("missing, huge and wrongly typed fields get 4xx", async () => {
    const client = createClient(app.baseUrl, { headers: { "X-Forwarded-For": "198.51.100.20" } });
    const results: [string, HttpResponse][] = [];
    for (const [label, request] of malformedFields({
      email: "someone@example.test",
      password: "not the password",
      redirectTo: "/",
    })) {
      results.push([label, await send(client, "/login", request)]);
    }
    expectNo5xx(results);
    for (const [label, response] of results)
      expect(response.status, label).toBeGreaterThanOrEqual(400);
    expect(client.cookies().size).toBe(0);
  });

  it("bodies that are not a form at all get 4xx, not 500", async () => {
    const client = createClient(app.baseUrl, { headers: { "X-Forwarded-For": "198.51.100.21" } });
    const results: [string, HttpResponse][] = [];
    for (const [label, request] of unparseableBodies())
      results.push([label, await send(client, "/login", request)]);
    expectNo5xx(results);
  });
});

/** Each field in turn with a NUL byte (valid UTF-8, but PostgreSQL text cannot hold it). */
function nulBytes(valid: Record<string, string>): [string, { body: URLSearchParams }][] {
  return Object.keys(valid).map((name) => [
    `${name} with a NUL byte`,
    { body: new URLSearchParams({ ...valid, [name]: `${valid[name]}\u0000x` }) },
  ]);
}

describe("malformed form posts to /login (NUL bytes)", () => {
  it("a NUL byte in a field never gives 500", async () => {
    const client = createClient(app.baseUrl, { headers: { "X-Forwarded-For": "198.51.100.22" } });
    const results: [string, HttpResponse][] = [];
    for (const [label, request] of nulBytes({
      email: "someone@example.test",
      password: "not the password",
      redirectTo: "/",
    })) {
      results.push([label, await send(client, "/login", request)]);
    }
    expectNo5xx(results);
  });
});

describe("malformed form posts to /assessments/new", () => {
  const valid = () => ({
    vendorId,
    templateVersionId,
    title: "Malformed probe",
    dueDate: "2030-01-31",
  });

  it("missing, huge and wrongly typed fields get 4xx and create nothing", async () => {
    const before = await db().assessment.count();
    const results: [string, HttpResponse][] = [];
    for (const [label, request] of malformedFields(valid())) {
      results.push([label, await send(staff, "/assessments/new", request)]);
    }
    for (const [label, body] of [
      ["an unknown vendor", { ...valid(), vendorId: "c000000000000000000000000" }],
      [
        "an unknown template version",
        { ...valid(), templateVersionId: "c000000000000000000000000" },
      ],
      ["a date in words", { ...valid(), dueDate: "next Friday" }],
      ["a blank title", { ...valid(), title: "   " }],
    ] as const) {
      results.push([label, await staff.post("/assessments/new", body)]);
    }
    expectNo5xx(results);
    const created = results.filter(([, r]) => r.status === 302).map(([label]) => label);
    // Extra copies of a field (the first one counts) and unknown extras may legitimately succeed.
    for (const label of created)
      expect(label).toMatch(
        /no dueDate|twice|as \w+\[\]|only unknown fields|control characters|numbers/,
      );
    expect(await db().assessment.count()).toBe(before + created.length);
    // Control: the valid form works.
    expect((await staff.post("/assessments/new", valid())).status).toBe(302);
  });

  // Same bug as for /login (PostgreSQL only): NUL bytes reach the database.
  it("a NUL byte in a field never gives 500", async () => {
    const results: [string, HttpResponse][] = [];
    for (const [label, request] of nulBytes(valid()))
      results.push([label, await send(staff, "/assessments/new", request)]);
    expectNo5xx(results);
  });

  it("an impossible calendar date gets 400, not 500", async () => {
    const before = await db().assessment.count();
    for (const dueDate of ["2030-13-45", "2030-00-10", "2030-02-31", "9999-99-99"]) {
      const response = await staff.post("/assessments/new", { ...valid(), dueDate });
      expect(response.status, dueDate).toBe(400);
    }
    expect(await db().assessment.count()).toBe(before);
  });

  // Same bug as for /login: request.formData() unguarded in app/routes/assessments.new.tsx.
  it("bodies that are not a form at all get 4xx, not 500", async () => {
    const results: [string, HttpResponse][] = [];
    for (const [label, request] of unparseableBodies())
      results.push([label, await send(staff, "/assessments/new", request)]);
    expectNo5xx(results);
  });
});

describe("malformed posts to /invite/<token>", () => {
  it("never give 500, for a valid, a revoked or an unknown token", async () => {
    const vendor = await createVendor({ organizationId: org.id });
    const assessment = await startRealAssessment({
      creator: assessor,
      organizationSlug: org.slug,
      vendorId: vendor.id,
      status: "INVITED",
    });
    const valid = await createInviteRecord({
      organizationId: org.id,
      assessmentId: assessment.id,
      createdById: assessor.user.id,
    });
    const revoked = await createInviteRecord({
      organizationId: org.id,
      assessmentId: assessment.id,
      createdById: assessor.user.id,
      revokedAt: new Date(),
    });
    const results: [string, HttpResponse][] = [];
    let ip = 30;
    const bodies: [string, { body: string | URLSearchParams | FormData; contentType?: string }][] =
      [
        ["an empty body", { body: "" }],
        ["a 2 MB field", { body: new URLSearchParams({ token: MEGABYTE + MEGABYTE }) }],
        [
          "a file upload",
          {
            body: malformedFields({ x: "y" }).find(([label]) => label === "x as a file upload")![1]
              .body,
          },
        ],
        ...unparseableBodies(),
      ];
    for (const [tokenLabel, token] of [
      ["valid", valid.token],
      ["revoked", revoked.token],
      ["unknown", "A".repeat(43)],
    ] as const) {
      for (const [label, request] of bodies) {
        const client = createClient(app.baseUrl, {
          headers: { "X-Forwarded-For": `198.51.100.${ip++}` },
        });
        const response = await send(client, `/invite/${token}`, request);
        results.push([`${tokenLabel} token, ${label}`, response]);
        if (tokenLabel === "valid") expect([302, 400, 413], label).toContain(response.status);
        else expect([400, 404, 410, 413], label).toContain(response.status);
      }
    }
    expectNo5xx(results);
  });
});
