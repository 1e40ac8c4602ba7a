import { beforeAll, describe, expect, it } from "vitest";
import { createAssessmentScenario } from "../../../tests/support/assessment-factories";
import {
  createTestChangeEvent,
  createTestInstrument,
  createTestProvisionLink,
} from "../../../tests/support/change-event-factories";
import { createOrganization, createVendor } from "../../../tests/support/factories";
import { db } from "../../utils/db.server";
import { parseChangeFeedFilters } from "./change-feed-filters";
import { impactCountsFor } from "./impact-counts.server";
import { listChangeEvents } from "./list-change-events.server";

/**
 * The change feed's reads (issue 14 item 5): what an organisation sees (global + own, never
 * another's, never a dismissed candidate), the filters, and the impact count per event. Runs on
 * SQLite and PostgreSQL.
 */
const NOW = new Date("2026-12-07T10:00:00Z");
const day = (text: string) => new Date(`${text}T00:00:00Z`);

let orgA: string;
let orgB: string;
const ids: Record<string, string> = {};
let globalKey: string;
let ownKeyA: string;

beforeAll(async () => {
  const scenario = await createAssessmentScenario();
  orgA = scenario.org.id;
  orgB = (await createOrganization()).id;
  const global = await createTestInstrument(null);
  globalKey = global.key;
  const ownA = await createTestInstrument(orgA);
  ownKeyA = ownA.key;
  const ownB = await createTestInstrument(orgB);
  const provision = `${global.key}:art:5`;
  ids.past = (
    await createTestChangeEvent(global, {
      type: "amendment",
      legalStatus: "in_force",
      effectiveAt: day("2026-12-07"),
      detectedAt: day("2026-11-01"),
      affectedProvisionKeys: [`${provision}:par:2`],
    })
  ).id;
  ids.upcoming = (
    await createTestChangeEvent(global, {
      type: "application_date_shift",
      legalStatus: "adopted",
      effectiveAt: day("2026-12-08"),
      detectedAt: day("2026-11-02"),
      affectedProvisionKeys: [global.key],
    })
  ).id;
  ids.pending = (
    await createTestChangeEvent(global, {
      type: "guidance",
      legalStatus: "proposal",
      effectiveAt: null,
      detectedAt: day("2026-11-03"),
      affectedProvisionKeys: [`${global.key}:art:99`],
    })
  ).id;
  ids.ownA = (await createTestChangeEvent(ownA, { detectedAt: day("2026-11-04") })).id;
  ids.ownB = (await createTestChangeEvent(ownB, { detectedAt: day("2026-11-05") })).id;
  ids.dismissed = (
    await createTestChangeEvent(ownA, {
      source: "sync",
      confirmed: false,
      dismissedAt: day("2026-11-06"),
    })
  ).id;

  // A's mapping: two questions of the bundled template touch art. 5 (one via its paragraph).
  const templateId = (
    await db().templateVersion.findUniqueOrThrow({
      where: { id: scenario.templateVersionId },
      select: { templateId: true },
    })
  ).templateId;
  const [q1, q2] = scenario.definition.sections.flatMap((s) => s.questions).map((q) => q.key);
  await createTestProvisionLink({
    organizationId: orgA,
    templateId,
    questionKey: q1!,
    provisionKey: provision,
  });
  await createTestProvisionLink({
    organizationId: orgA,
    templateId,
    questionKey: q2!,
    provisionKey: `${provision}:par:2`,
  });
  // A second vendor assessed on the same template, twice (counted once).
  const vendor2 = await createVendor({ organizationId: orgA });
  for (const title of ["one", "two"])
    await db().assessment.create({
      data: {
        organizationId: orgA,
        vendorId: vendor2.id,
        templateVersionId: scenario.templateVersionId,
        title,
        status: "DRAFT",
        createdById: scenario.assessor.userId,
      },
    });
  // B maps the same provision: B's links never count for A.
  const templateB = await db().questionnaireTemplate.create({
    data: { organizationId: orgB, key: "b-template", name: "B" },
  });
  await createTestProvisionLink({
    organizationId: orgB,
    templateId: templateB.id,
    questionKey: "b_q",
    provisionKey: provision,
  });
});

const keysOf = (rows: { id: string }[]) =>
  rows.map((row) => Object.entries(ids).find(([, id]) => id === row.id)?.[0]);

describe("listChangeEvents", () => {
  it("shows the global catalogue and the organisation's own events, newest first", async () => {
    const rows = await listChangeEvents({ organizationId: orgA }, {}, { now: NOW });
    expect(keysOf(rows).filter(Boolean)).toEqual(["ownA", "pending", "upcoming", "past"]);
    const globalOnly = await listChangeEvents(null, {}, { now: NOW });
    expect(globalOnly.some((row) => row.id === ids.ownA || row.id === ids.ownB)).toBe(false);
  });

  it.each([
    ["timing=upcoming", ["upcoming"]],
    ["timing=past", ["past"]],
    ["timing=pending", ["ownA", "pending"]],
    ["type=guidance", ["pending"]],
    ["legalStatus=in_force", ["past"]],
    ["effectiveFrom=2026-12-08&effectiveTo=2026-12-08", ["upcoming"]],
    ["effectiveTo=2026-12-07", ["past"]],
  ])("filters %s", async (query, expected) => {
    const { filters, errors } = parseChangeFeedFilters(new URLSearchParams(query));
    expect(errors).toEqual({});
    const rows = await listChangeEvents({ organizationId: orgA }, filters, { now: NOW });
    expect(keysOf(rows).filter(Boolean)).toEqual(expected);
  });

  it("filters by instrument key, within what the reader may see", async () => {
    const own = parseChangeFeedFilters(new URLSearchParams(`instrument=${ownKeyA}`));
    expect(
      keysOf(await listChangeEvents({ organizationId: orgA }, own.filters, { now: NOW })),
    ).toEqual(["ownA"]);
    expect(await listChangeEvents({ organizationId: orgB }, own.filters, { now: NOW })).toEqual([]);
    const global = parseChangeFeedFilters(new URLSearchParams(`instrument=${globalKey}`));
    expect(
      await listChangeEvents({ organizationId: orgB }, global.filters, { now: NOW }),
    ).toHaveLength(3);
  });

  it("reports bad filter values by field and leaves them out", () => {
    const parsed = parseChangeFeedFilters(
      new URLSearchParams(
        "type=nonsense&effectiveFrom=2026-02-31&effectiveTo=2026-01-01&timing=soon&legalStatus=x",
      ),
    );
    expect(parsed.errors).toEqual({
      type: "regulationChanges.badType",
      effectiveFrom: "regulationChanges.badDate",
      timing: "regulationChanges.badTiming",
      legalStatus: "regulationChanges.badLegalStatus",
    });
    expect(parsed.filters).toEqual({ effectiveTo: day("2026-01-01") });
    expect(parsed.values.effectiveFrom).toBe("2026-02-31");
  });
});

describe("impactCountsFor", () => {
  it("counts the mapped questions an event touches and the vendors assessed on their templates", async () => {
    const counts = await impactCountsFor(orgA, [ids.past!, ids.upcoming!, ids.pending!, ids.ownB!]);
    // art.5:par:2 touches the art.5 link and the art.5:par:2 link; the whole act touches both too.
    expect(counts.get(ids.past!)).toEqual({ questions: 2, vendors: 2 });
    expect(counts.get(ids.upcoming!)).toEqual({ questions: 2, vendors: 2 });
    // art. 99 touches nothing; another organisation's event is not A's to count.
    expect(counts.has(ids.pending!)).toBe(false);
    expect(counts.has(ids.ownB!)).toBe(false);
  });

  it("never counts another organisation's mapping or vendors", async () => {
    const counts = await impactCountsFor(orgB, [ids.past!]);
    expect(counts.get(ids.past!)?.vendors ?? 0).toBe(0);
    expect(await impactCountsFor(orgA, [])).toEqual(new Map());
  });

  it("arrives with the listed rows", async () => {
    const rows = await listChangeEvents({ organizationId: orgA }, {}, { now: NOW });
    expect(rows.find((row) => row.id === ids.past)?.impact).toEqual({ questions: 2, vendors: 2 });
    expect(rows.find((row) => row.id === ids.pending)?.impact).toBeNull();
  });
});
