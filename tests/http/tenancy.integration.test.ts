import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/modules/auth/actor";
import { sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { createInvitationRecord } from "../support/admin-factories";
import {
  createClient,
  parseSetCookie,
  startAppServer,
  type AppServer,
  type HttpClient,
  type HttpResponse,
} from "../support/app-server";
import { createOrganization, createVendor } from "../support/factories";
import { createProductRecord } from "../support/vendor-factories";
import {
  createInviteRecord,
  createTeam,
  fillPattern,
  marker,
  paramsOf,
  routePatterns,
  startRealAssessment,
  tokenFromCookieValue,
  type CreatedUser,
} from "./http-fixtures";

/**
 * Tenant isolation over real HTTP. Two organisations A and B with users of every role, vendors,
 * products, assessments, invite links, user invitations and answers. Users of A probe every
 * route of the build that has a dynamic segment with B's ids (GET, and POST with every intent
 * the route knows): they must get 404 (never B's data, never a 5xx, never an answer that differs
 * from the one for an id that does not exist), and B's rows must not change. Ids carried in
 * forms, the vendor portal and the public token routes are covered too.
 */
let app: AppServer;

// Public token routes: the token is the credential, there is no organisation to compare.
const PUBLIC_TOKEN_ROUTES = new Set([
  "routes/invite.$token",
  "routes/accept-invitation.$token",
  "routes/feeds.$token.changes[.]atom",
  "routes/feeds.$token.changes[.]json",
  "routes/portal.new-link.$token",
]);

type World = Awaited<ReturnType<typeof createWorld>>;
let A: World;
let B: World;
const clients = {} as Record<Role, HttpClient>;

async function createWorld(label: string) {
  const org = await createOrganization({ name: marker(`${label}-Org`) });
  const team = await createTeam(org.id);
  const vendor = await createVendor({ organizationId: org.id, name: marker(`${label}-Vendor`) });
  const product = await createProductRecord({
    organizationId: org.id,
    vendorId: vendor.id,
    name: marker(`${label}-Product`),
  });
  const invited = await startRealAssessment({
    creator: team.ASSESSOR,
    organizationSlug: org.slug,
    vendorId: vendor.id,
    productId: product.id,
    title: marker(`${label}-Invited-Assessment`),
    status: "INVITED",
  });
  const awaiting = await startRealAssessment({
    creator: team.ASSESSOR,
    organizationSlug: org.slug,
    vendorId: vendor.id,
    title: marker(`${label}-Awaiting-Assessment`),
  });
  await db().assessment.update({
    where: { id: awaiting.id },
    data: {
      status: "AWAITING_DECISION",
      submittedAt: new Date(),
      forwardedAt: new Date(),
      forwardedById: team.ASSESSOR.user.id,
      version: 3,
    },
  });
  const invite = await createInviteRecord({
    organizationId: org.id,
    assessmentId: invited.id,
    createdById: team.ASSESSOR.user.id,
    contactEmail: `${marker(`${label}-contact`).toLowerCase()}@vendor.example`,
  });
  const spareInvite = await createInviteRecord({
    organizationId: org.id,
    assessmentId: invited.id,
    createdById: team.ASSESSOR.user.id,
  });
  const answer = await db().answer.create({
    data: {
      organizationId: org.id,
      assessmentId: invited.id,
      questionKey: "security.encryption",
      value: JSON.stringify("partial"),
      updatedBy: invite.invite.contactEmail,
    },
  });
  // An evidence file row (no bytes on disk needed: every probe must end before reading them).
  const evidence = await db().evidenceFile.create({
    data: {
      organizationId: org.id,
      assessmentId: invited.id,
      questionKey: "security.iso27001_certificate",
      storageKey: randomBytes(32).toString("hex"),
      fileName: `${marker(`${label}-Evidence`)}.pdf`,
      contentType: "application/pdf",
      size: 1,
      sha256: randomBytes(32).toString("hex"),
      uploadedBy: `vendor:${invite.invite.id}`,
      uploadedByLabel: invite.invite.contactEmail,
    },
  });
  // A decision with its signed report (dummy bytes: every probe must end before serving them).
  const decision = await db().decision.create({
    data: {
      organizationId: org.id,
      assessmentId: awaiting.id,
      outcome: "APPROVED",
      rationale: marker(`${label}-Rationale`),
      decidedById: team.DPO.user.id,
    },
  });
  const signedReport = await db().signedReport.create({
    data: {
      organizationId: org.id,
      assessmentId: awaiting.id,
      decisionId: decision.id,
      unsignedPdf: new Uint8Array(Buffer.from("%PDF-1.7 unsigned")),
      signedPdf: new Uint8Array(Buffer.from(`%PDF-1.7 ${marker(`${label}-Report`)}`)),
      unsignedSha256: randomBytes(32).toString("hex"),
      sha256: randomBytes(32).toString("hex"),
      certificateFingerprint: randomBytes(32).toString("hex"),
      signerName: marker(`${label}-Signer`),
      signedAt: new Date(),
      auditHeadSeq: 1,
      auditHeadHash: randomBytes(32).toString("hex"),
    },
  });
  const userInvitation = await createInvitationRecord({
    organizationId: org.id,
    invitedById: team.ADMIN.user.id,
    email: `${marker(`${label}-invitee`).toLowerCase()}@example.test`,
    name: marker(`${label}-Invitee`),
  });
  const templateVersion = await db().templateVersion.findFirstOrThrow({
    where: { id: invited.templateVersionId },
    include: { template: true },
  });
  // The organisation's own catalogue (an imported framework) with a change event of its own.
  const instrument = await db().instrument.create({
    data: {
      organizationId: org.id,
      scopeKey: org.id,
      key: `framework:${label.toLowerCase()}`,
      kind: "framework",
      titleDe: marker(`${label}-Framework`),
      titleEn: marker(`${label}-Framework`),
      authority: "test",
      jurisdiction: "test",
    },
  });
  const changeEvent = await db().changeEvent.create({
    data: {
      organizationId: org.id,
      scopeKey: org.id,
      key: `change:${label.toLowerCase()}`,
      instrumentId: instrument.id,
      type: "amendment",
      detectedAt: new Date("2026-01-01T00:00:00Z"),
      legalStatus: "in_force",
      affectedProvisionKeys: "[]",
      diffJson: '{"changes":[]}',
      summaryDe: marker(`${label}-Change`),
      summaryEn: marker(`${label}-Change`),
      source: "import",
    },
  });
  const notification = await db().notification.create({
    data: {
      organizationId: org.id,
      userId: team.ASSESSOR.user.id,
      kind: "forwarded",
      assessmentId: awaiting.id,
      params: JSON.stringify({ title: marker(`${label}-Notification`) }),
    },
  });
  return {
    label,
    org,
    team,
    notification,
    changeEvent,
    vendor,
    product,
    invited,
    awaiting,
    invite,
    spareInvite,
    answer,
    evidence,
    signedReport,
    userInvitation,
    templateVersion,
  };
}

/**
 * Route parameter → the ids of a world to put there. A route with a parameter that is not in
 * this map fails the "every dynamic route is covered" test: add the parameter here (with B's
 * rows in createWorld) when you add such a route.
 */
function idsFor(world: World): Record<string, string[]> {
  return {
    assessmentId: [world.invited.id, world.awaiting.id],
    vendorId: [world.vendor.id],
    productId: [world.product.id],
    inviteId: [world.invite.invite.id],
    inviteLinkId: [world.invite.invite.id],
    invitationId: [world.userInvitation.invitation.id],
    membershipId: [world.team.ASSESSOR.membership.id],
    memberId: [world.team.ASSESSOR.membership.id],
    userId: [world.team.ASSESSOR.user.id],
    templateId: [world.templateVersion.template.id],
    templateVersionId: [world.templateVersion.id],
    versionId: [world.templateVersion.id],
    answerId: [world.answer.id],
    fileId: [world.evidence.id],
    reportId: [world.signedReport.id],
    changeId: [world.changeEvent.id],
    notificationId: [world.notification.id],
  };
}

/**
 * Everything that belongs to an organisation, for before/after comparisons: its rows, and rows
 * of any organisation that point at them (a product of A under B's vendor is a change to B too).
 */
async function snapshotOf(organizationId: string) {
  const memberships = await db().membership.findMany({
    where: { organizationId },
    orderBy: { id: "asc" },
  });
  const userIds = memberships.map((m) => m.userId);
  const templates = await db().questionnaireTemplate.findMany({
    where: { organizationId },
    orderBy: { id: "asc" },
  });
  const ownIds = async <T extends { id: string }>(rows: Promise<T[]>) =>
    (await rows).map((r) => r.id);
  const vendorIds = await ownIds(
    db().vendor.findMany({ where: { organizationId }, select: { id: true } }),
  );
  const productIds = await ownIds(
    db().product.findMany({ where: { organizationId }, select: { id: true } }),
  );
  const templateVersionIds = await ownIds(
    db().templateVersion.findMany({
      where: { templateId: { in: templates.map((t) => t.id) } },
      select: { id: true },
    }),
  );
  const assessmentIds = await ownIds(
    db().assessment.findMany({ where: { organizationId }, select: { id: true } }),
  );
  const inviteIds = await ownIds(
    db().inviteLink.findMany({ where: { organizationId }, select: { id: true } }),
  );
  const byId = { orderBy: { id: "asc" as const } };
  const assessmentScope = { OR: [{ organizationId }, { assessmentId: { in: assessmentIds } }] };
  return JSON.parse(
    JSON.stringify({
      organization: await db().organization.findUnique({ where: { id: organizationId } }),
      memberships: await db().membership.findMany({
        where: { OR: [{ organizationId }, { userId: { in: userIds } }] },
        ...byId,
      }),
      users: await db().user.findMany({ where: { id: { in: userIds } }, ...byId }),
      sessions: await db().session.findMany({
        where: { OR: [{ organizationId }, { userId: { in: userIds } }] },
        ...byId,
      }),
      recoveryCodes: await db().recoveryCode.findMany({
        where: { userId: { in: userIds } },
        ...byId,
      }),
      userInvitations: await db().userInvitation.findMany({ where: { organizationId }, ...byId }),
      vendors: await db().vendor.findMany({ where: { organizationId }, ...byId }),
      products: await db().product.findMany({
        where: { OR: [{ organizationId }, { vendorId: { in: vendorIds } }] },
        ...byId,
      }),
      templates,
      templateVersions: await db().templateVersion.findMany({
        where: { id: { in: templateVersionIds } },
        ...byId,
      }),
      assessments: await db().assessment.findMany({
        where: {
          OR: [
            { organizationId },
            { vendorId: { in: vendorIds } },
            { productId: { in: productIds } },
            { templateVersionId: { in: templateVersionIds } },
          ],
        },
        ...byId,
      }),
      inviteLinks: await db().inviteLink.findMany({ where: assessmentScope, ...byId }),
      vendorSessions: await db().vendorSession.findMany({
        where: { OR: [{ organizationId }, { inviteLinkId: { in: inviteIds } }] },
        ...byId,
      }),
      answers: await db().answer.findMany({ where: assessmentScope, ...byId }),
      evidenceFiles: await db().evidenceFile.findMany({ where: assessmentScope, ...byId }),
      decisions: await db().decision.findMany({ where: assessmentScope, ...byId }),
      signedReports: await db().signedReport.findMany({
        where: assessmentScope,
        ...byId,
        select: { id: true, sha256: true, decisionId: true },
      }),
      auditEvents: await db().auditEvent.findMany({
        where: { organizationId },
        orderBy: { seq: "asc" },
      }),
    }),
  ) as Record<string, unknown>;
}

/** Strings that only B's rows contain: none of them may reach a user of A. */
function secretsOf(world: World): string[] {
  return [
    world.org.name,
    world.vendor.name,
    world.product.name,
    world.invited.title,
    world.awaiting.title,
    world.invite.invite.contactEmail,
    world.userInvitation.invitation.email,
    world.userInvitation.invitation.name,
    world.evidence.fileName,
    world.signedReport.signerName,
    Buffer.from(world.signedReport.signedPdf).toString("latin1"),
    ...Object.values(world.team).flatMap((u) => [u.user.email, u.user.name]),
  ];
}

function leaksIn(response: HttpResponse): string[] {
  return secretsOf(B).filter((secret) => response.body.includes(secret));
}

function expectNoLeak(response: HttpResponse, what: string) {
  expect(leaksIn(response), `${what}: the response shows B's data`).toEqual([]);
}

/** An id of the same shape that exists nowhere. */
function missingId(): string {
  return `c${randomBytes(12).toString("hex").slice(0, 24)}`;
}

/**
 * Form values that let each known action get past its input validation, so that what decides
 * the answer is the ownership check. Ids of B ride along in the form as well.
 */
function probeForm(intent: string | null, ids: Record<string, string>): Record<string, string> {
  const n = randomBytes(3).toString("hex");
  return {
    ...(intent === null ? {} : { intent }),
    ...ids,
    contactEmail: `probe-${n}@example.test`,
    contactName: "Tenancy probe",
    ttlDays: "30",
    locale: "en",
    note: "tenancy probe",
    outcome: "APPROVED",
    rationale: "Tenancy probe: this must never be stored anywhere.",
    expectedVersion: "3",
    code: "",
    confirm: "yes",
    name: `Tenancy probe ${n}`,
    title: `Tenancy probe ${n}`,
    criticality: "MEDIUM",
    country: "DE",
    website: "",
    description: "tenancy probe",
    foundationModel: "probe-model",
    hostingRegions: "DE",
    dataCategories: "customer_contact",
    version: "1",
  };
}

const routeSourceDir = path.resolve(import.meta.dirname, "../../app/routes");
const appSourceDir = path.resolve(import.meta.dirname, "../../app");
const builtServerFile = path.join(
  process.env.VETTED_TEST_BUILD_DIR
    ? path.resolve(process.env.VETTED_TEST_BUILD_DIR)
    : path.resolve(import.meta.dirname, "../../build"),
  "server/index.js",
);

/**
 * The sources of the modules a route imports directly (`~/modules/…`): since routes are thin
 * (ADR 0023) a route's action hands its form to a dispatcher there, which lists the intents it
 * understands (e.g. `assessmentPageIntentSchema = z.enum([...])`).
 */
function importedModuleSources(routeSource: string): string[] {
  const sources: string[] = [];
  for (const m of routeSource.matchAll(/from\s+["']~\/(modules\/[^"']+)["']/g)) {
    const file = [".ts", ".tsx"]
      .map((ext) => path.join(appSourceDir, `${m[1]!}${ext}`))
      .find((candidate) => existsSync(candidate));
    if (file) sources.push(readFileSync(file, "utf8"));
  }
  return sources;
}

/**
 * The intents a route's action understands: the values of its `intent` form fields and its
 * comparisons in the route source and the built action, and the intent lists of the route and of
 * the modules it imports (the action's dispatcher); kept when the server build mentions them too
 * (the source may be ahead of the build).
 */
function intentsOf(routeId: string, action: (...args: unknown[]) => unknown): string[] {
  const compiled = action.toString();
  const file = path.join(routeSourceDir, `${routeId.replace(/^routes\//, "")}.tsx`);
  const source = existsSync(file) ? readFileSync(file, "utf8") : "";
  const found = new Set<string>();
  for (const text of [source, compiled]) {
    for (const m of text.matchAll(/name[=:]\s*["']intent["'][^>}]*?value[=:]\s*["']([\w-]+)["']/g))
      found.add(m[1]!);
    for (const m of text.matchAll(/intent["']?\)?\s*[!=]==\s*["']([\w-]+)["']/g)) found.add(m[1]!);
  }
  // Intent lists: readIntent(form, [...]) in a route, an `…IntentSchema = z.enum([...])` in the
  // route or in a module it hands its form to (shared helpers there compare other things).
  for (const text of [source, compiled, ...importedModuleSources(source)]) {
    for (const m of text.matchAll(
      /(?:readIntent\([^,]+,|[iI]ntentSchema\s*=\s*z\.enum\()\s*\[([^\]]*)\]/g,
    )) {
      for (const s of m[1]!.matchAll(/["']([\w-]+)["']/g)) found.add(s[1]!);
    }
  }
  const built = existsSync(builtServerFile) ? readFileSync(builtServerFile, "utf8") : compiled;
  return [...found].filter((intent) => built.includes(`"${intent}"`)).sort();
}

beforeAll(async () => {
  // Each client gets its own address (X-Forwarded-For) so per-IP rate limits of one role do not
  // change the answers another role gets.
  app = await startAppServer({ trustProxy: true });
  A = await createWorld("A");
  B = await createWorld("B");
  let i = 10;
  for (const role of ROLES) {
    const user: CreatedUser = A.team[role];
    clients[role] = createClient(app.baseUrl, {
      headers: { "X-Forwarded-For": `198.51.100.${i++}` },
    });
    await clients[role].login(user.user.email, user.password, user.totpKey);
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
});

interface DynamicRoute {
  id: string;
  pattern: string;
  params: string[];
  hasLoader: boolean;
  action: ((...args: unknown[]) => unknown) | null;
}

function dynamicRoutes(): DynamicRoute[] {
  return routePatterns(app.build)
    .map((r) => ({
      id: r.id,
      pattern: r.pattern,
      params: paramsOf(r.pattern),
      hasLoader: r.hasLoader,
      action: r.hasAction
        ? (app.build.routes[r.id]!.module as { action: (...args: unknown[]) => unknown }).action
        : null,
    }))
    .filter((r) => r.params.length > 0);
}

/**
 * Id sets to try on a route: every combination of B's ids, and for routes with several
 * parameters also every mix of A's and B's ids (A's vendor with B's product, …).
 */
function probeIdSets(
  route: DynamicRoute,
): { label: string; ids: Record<string, string>; allForeign: boolean }[] {
  const a = idsFor(A);
  const b = idsFor(B);
  const sets: { label: string; ids: Record<string, string>; allForeign: boolean }[] = [];
  const owners = route.params.length > 1 ? 2 ** route.params.length - 1 : 1;
  for (let mask = 0; mask < owners; mask++) {
    // bit set = A's id for that parameter; mask 0 = all B's
    let combos: Record<string, string>[] = [{}];
    for (const [index, param] of route.params.entries()) {
      const values = (mask >> index) & 1 ? [a[param]![0]!] : b[param]!;
      combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [param]: value })));
    }
    for (const [n, ids] of combos.entries()) {
      const owner = route.params
        .map((p, index) => `${p}=${(mask >> index) & 1 ? "A" : "B"}`)
        .join(",");
      sets.push({
        label: combos.length > 1 ? `${owner} #${n + 1}` : owner,
        ids,
        allForeign: mask === 0,
      });
    }
  }
  return sets;
}

/**
 * Sweep findings that a dedicated, clearly named (and currently failing) test below covers: the
 * sweep stays useful for new regressions while those bugs are open. Remove an entry once its
 * bug is fixed.
 */
const COVERED_BY_DEDICATED_TESTS: RegExp[] = [
  // "deciding B's assessment answers 404, not 500" (DomainErrors of decideAssessment → 500)
  /^POST \/assessments\/:assessmentId \[[^\]]*\] intent=decide\b/,
];

describe("routes with ids in the URL", () => {
  it("every dynamic route of the build has its parameters mapped to B's ids", () => {
    const routes = dynamicRoutes();
    expect(routes.map((r) => r.id)).toContain("routes/assessments.$assessmentId");
    const unmapped = routes
      .filter((r) => !PUBLIC_TOKEN_ROUTES.has(r.id))
      .flatMap((r) => r.params.filter((p) => !(p in idsFor(B))).map((p) => `${r.pattern} (:${p})`));
    expect(
      unmapped,
      "add these parameters to idsFor() so the tenancy sweep covers the route",
    ).toEqual([]);
  });

  it("a user of A gets 404 for B's ids on every GET and every POST intent, and B does not change", async () => {
    const routes = dynamicRoutes().filter((r) => !PUBLIC_TOKEN_ROUTES.has(r.id));
    const failures: string[] = [];
    let probes = 0;

    for (const route of routes) {
      for (const set of probeIdSets(route)) {
        const target = fillPattern(route.pattern, set.ids);
        const missing = fillPattern(
          route.pattern,
          Object.fromEntries(route.params.map((p) => [p, missingId()])),
        );
        // mustBe404: someone in A is allowed to try this (else it would go untested) and gets 404.
        const methods: { intent: string | null; method: "GET" | "POST"; mustBe404: boolean }[] = [];
        if (route.hasLoader) methods.push({ intent: null, method: "GET", mustBe404: true });
        if (route.action) {
          const intents = intentsOf(route.id, route.action);
          // Without intents the plain POST is the action itself; with intents it is a probe.
          methods.push({ intent: null, method: "POST", mustBe404: intents.length === 0 });
          for (const intent of intents) methods.push({ intent, method: "POST", mustBe404: true });
        }
        for (const { intent, method, mustBe404 } of methods) {
          const what = `${method} ${route.pattern} [${set.label}]${intent ? ` intent=${intent}` : ""}`;
          const before = await snapshotOf(B.org.id);
          const statuses: Record<string, number> = {};
          for (const role of ROLES) {
            const client = clients[role];
            const send = (url: string) =>
              method === "GET" ? client.get(url) : client.post(url, probeForm(intent, set.ids));
            const foreign = await send(target);
            const nowhere = await send(missing);
            probes += 2;
            statuses[role] = foreign.status;
            const leaked = leaksIn(foreign);
            if (leaked.length > 0)
              failures.push(`${what} as ${role}: shows B's ${leaked.join(", ")}`);
            if (foreign.status >= 500)
              failures.push(`${what} as ${role}: ${foreign.status} (server error)`);
            if (foreign.status >= 200 && foreign.status < 300 && route.hasLoader) {
              failures.push(`${what} as ${role}: ${foreign.status} (served B's id)`);
            }
            if (
              foreign.status >= 300 &&
              foreign.status < 400 &&
              !/^\/(login|mfa\/setup|auth\/step-up)\b/.test(foreign.location ?? "")
            ) {
              failures.push(
                `${what} as ${role}: redirected to ${foreign.location} (acted on B's id?)`,
              );
            }
            if (foreign.status !== nowhere.status) {
              failures.push(
                `${what} as ${role}: ${foreign.status} for B's id but ${nowhere.status} for an unknown id (existence oracle)`,
              );
            }
          }
          if (set.allForeign && mustBe404 && !Object.values(statuses).includes(404)) {
            failures.push(`${what}: no role of A got 404 (${JSON.stringify(statuses)})`);
          }
          const after = await snapshotOf(B.org.id);
          if (JSON.stringify(after) !== JSON.stringify(before)) {
            const changed = Object.keys(after).filter(
              (k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]),
            );
            failures.push(`${what}: changed B's ${changed.join(", ")}`);
          }
        }
      }
    }
    expect(probes).toBeGreaterThan(0);
    expect(
      failures.filter((f) => !COVERED_BY_DEDICATED_TESTS.some((known) => known.test(f))),
    ).toEqual([]);
  }, 240_000);

  it("deciding B's assessment answers 404, not 500", async () => {
    const before = await snapshotOf(B.org.id);
    const form = {
      intent: "decide",
      outcome: "APPROVED",
      rationale: "A rationale that is long enough.",
      expectedVersion: String(3),
    };
    for (const role of ["DPO", "ADMIN"] as const) {
      const response = await clients[role].post(`/assessments/${B.awaiting.id}`, form);
      expect(response.status, role).toBe(role === "DPO" ? 404 : 403);
      expectNoLeak(response, `decide as ${role}`);
    }
    expect(await snapshotOf(B.org.id)).toEqual(before);
  });
});

describe("ids carried in forms", () => {
  it("revokeInvite with B's inviteId on A's own assessment is a 404 and B's invite stays active", async () => {
    const before = await snapshotOf(B.org.id);
    const client = clients.ASSESSOR;
    const foreign = await client.post(`/assessments/${A.invited.id}`, {
      intent: "revokeInvite",
      inviteId: B.invite.invite.id,
    });
    expect(foreign.status).toBe(404);
    expectNoLeak(foreign, "revokeInvite");
    expect(await snapshotOf(B.org.id)).toEqual(before);
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: B.invite.invite.id } })).revokedAt,
    ).toBeNull();

    // Control: the same request with A's own invite works.
    const own = await client.post(`/assessments/${A.invited.id}`, {
      intent: "revokeInvite",
      inviteId: A.spareInvite.invite.id,
    });
    expect(own.status).toBe(200);
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: A.spareInvite.invite.id } }))
        .revokedAt,
    ).not.toBeNull();
  });

  it("reissueInvite with B's inviteId on A's own assessment is a 404 and B's token stays valid", async () => {
    const before = await snapshotOf(B.org.id);
    const client = clients.ASSESSOR;
    const foreign = await client.post(`/assessments/${A.invited.id}`, {
      intent: "reissueInvite",
      inviteId: B.invite.invite.id,
    });
    expect(foreign.status).toBe(404);
    expectNoLeak(foreign, "reissueInvite");
    expect(await snapshotOf(B.org.id)).toEqual(before);
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: B.invite.invite.id } })).tokenHash,
    ).toBe(sha256Hex(B.invite.token));
  });

  it("a new assessment cannot use B's vendor, product or template version", async () => {
    const before = await snapshotOf(B.org.id);
    const countA = await db().assessment.count({ where: { organizationId: A.org.id } });
    const client = clients.ASSESSOR;
    const base = {
      vendorId: A.vendor.id,
      productId: A.product.id,
      templateVersionId: A.templateVersion.id,
      title: "Tenancy probe",
    };
    for (const [field, value] of [
      ["vendorId", B.vendor.id],
      ["productId", B.product.id],
      ["templateVersionId", B.templateVersion.id],
    ] as const) {
      const response = await client.post("/assessments/new", { ...base, [field]: value });
      expect(response.status, field).toBe(404);
      expectNoLeak(response, `/assessments/new with B's ${field}`);
    }
    expect(await snapshotOf(B.org.id)).toEqual(before);
    expect(await db().assessment.count({ where: { organizationId: A.org.id } })).toBe(countA);

    // Control: A's own ids start an assessment.
    const own = await client.post("/assessments/new", base);
    expect(own.status).toBe(302);
    expect(own.location).toMatch(/^\/assessments\/\w+$/);
  });

  it("member administration cannot reach B's memberships or invitations", async () => {
    const before = await snapshotOf(B.org.id);
    const client = clients.ADMIN;
    const membershipId = B.team.ASSESSOR.membership.id;
    const requests = [
      { intent: "revoke", invitationId: B.userInvitation.invitation.id },
      { intent: "changeRole", membershipId, role: "ADMIN" },
      { intent: "deactivate", membershipId, confirm: "yes" },
      { intent: "reactivate", membershipId },
    ];
    for (const form of requests) {
      const response = await client.post("/admin/users", form);
      expect(response.status, form.intent).toBe(404);
      expectNoLeak(response, `/admin/users ${form.intent}`);
    }
    expect(await snapshotOf(B.org.id)).toEqual(before);
  });
});

describe("vendor portal", () => {
  it("a vendor session from B's invite sees and writes only B's questionnaire", async () => {
    const vendor = createClient(app.baseUrl, { headers: { "X-Forwarded-For": "203.0.113.50" } });
    const exchange = await vendor.post(`/invite/${B.invite.token}`, {});
    expect(exchange.status).toBe(302);
    // A new browser confirms an e-mailed code first (tested in invite-links.http): done here directly.
    expect(exchange.location).toBe("/portal/verify");
    expect(vendor.cookie("vetted_vendor")).toBeTruthy();
    const vendorCookie = parseSetCookie(
      exchange.setCookies.find((l) => l.startsWith("vetted_vendor="))!,
    );
    expect(vendorCookie.attributes.has("httponly")).toBe(true);
    expect(vendorCookie.attributes.get("samesite")?.toLowerCase()).toBe("lax");
    // Only the SHA-256 of the vendor token is stored.
    const vendorToken = tokenFromCookieValue(vendorCookie.value);
    expect(
      await db().vendorSession.findUnique({ where: { id: sha256Hex(vendorToken) } }),
    ).not.toBeNull();
    expect(await db().vendorSession.findUnique({ where: { id: vendorToken } })).toBeNull();
    await db().vendorSession.update({
      where: { id: sha256Hex(vendorToken) },
      data: { verifiedAt: new Date() },
    });

    const page = await vendor.get(`/portal?assessmentId=${A.invited.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(B.invited.title);
    for (const secret of [A.invited.title, A.awaiting.title, A.org.name, A.vendor.name])
      expect(page.body).not.toContain(secret);

    const beforeA = await snapshotOf(A.org.id);
    const question = "transparency.ai_interaction_notice";
    const autosave = await vendor.post("/portal/answer", {
      questionKey: question,
      [`v.${question}`]: "0",
      [`o.${question}`]: "null",
      [`q.${question}`]: "yes",
      // Smuggled ids must be ignored: the portal is scoped by the invite.
      assessmentId: A.invited.id,
      inviteId: A.invite.invite.id,
      organizationId: A.org.id,
    });
    expect(autosave.status).toBe(200);
    const full = await vendor.post(`/portal?assessmentId=${A.invited.id}`, {
      intent: "save",
      assessmentId: A.invited.id,
      "v.security.encryption": "1",
      "o.security.encryption": JSON.stringify("partial"),
      "q.security.encryption": "yes",
    });
    expect(full.status).toBeLessThan(500);
    expect(await snapshotOf(A.org.id)).toEqual(beforeA);
    // The writes landed in B's own assessment.
    const written = await db().answer.findUnique({
      where: { assessmentId_questionKey: { assessmentId: B.invited.id, questionKey: question } },
    });
    expect(written?.value).toBe(JSON.stringify("yes"));

    // A vendor session is no staff session.
    for (const id of [A.invited.id, B.invited.id]) {
      const staffPage = await vendor.get(`/assessments/${id}`);
      expect(staffPage.status).toBe(302);
      expect(staffPage.location).toMatch(/^\/login\?/);
    }
  });

  it("a staff session of A is no vendor session", async () => {
    const response = await clients.ASSESSOR.get("/portal");
    expect(response.status).toBe(302);
    expect(response.location).toBe("/portal/ended");
    const save = await clients.ASSESSOR.post("/portal/answer", {
      questionKey: "security.encryption",
      "v.security.encryption": "0",
      "q.security.encryption": "yes",
    });
    expect(save.status).toBe(302);
    expect(save.location).toBe("/portal/ended");
  });
});

describe("public token routes", () => {
  function tokenRoutes() {
    const routes = dynamicRoutes().filter((r) => PUBLIC_TOKEN_ROUTES.has(r.id));
    expect(routes.map((r) => r.id).sort()).toEqual([...PUBLIC_TOKEN_ROUTES].sort());
    return routes;
  }

  let ip = 100;
  async function expectUnusable(route: DynamicRoute, token: string, label: string) {
    const visitor = createClient(app.baseUrl, {
      headers: { "X-Forwarded-For": `203.0.113.${ip++}` },
    });
    const url = route.pattern.replace(/:token\b/, token);
    const get = await visitor.get(url);
    expect([404, 410], `GET ${route.pattern} with ${label}`).toContain(get.status);
    if (route.action) {
      const post = await visitor.post(url, {
        name: "Probe",
        password: "a long enough password 123",
      });
      expect([404, 410], `POST ${route.pattern} with ${label}`).toContain(post.status);
      expect(post.setCookies.filter((c) => /vetted_(vendor|session)=[^;]/.test(c))).toEqual([]);
    }
  }

  it("answer garbage tokens with 404 or 410, for GET and POST", async () => {
    const garbage: [string, string][] = [
      ["a word", "garbage"],
      ["a well-formed unknown token", "A".repeat(43)],
      ["a random 256-bit token", randomBytes(32).toString("base64url")],
      ["a NUL byte", "%00"],
      ["a path traversal", "..%2F..%2Fetc%2Fpasswd"],
      ["SQL", encodeURIComponent("' OR 1=1 --")],
      ["unicode", encodeURIComponent("tökén-✓")],
    ];
    for (const route of tokenRoutes()) {
      for (const [label, token] of garbage) await expectUnusable(route, token, label);
    }
  });

  it("answer an over-long token with 404 or 410 too", async () => {
    for (const route of tokenRoutes())
      await expectUnusable(route, "x".repeat(5000), "a 5000-character token");
  });
});
