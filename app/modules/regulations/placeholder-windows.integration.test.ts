import { beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "../../../tests/support/factories";
import { syncBundledRegulations } from "./load-bundled-regulations.server";
import { placeholderWindowsOn } from "./placeholder-windows.server";

// Issue 21 item 6 over the database catalogue: the windows of the version in force on the day.
beforeAll(async () => {
  await syncBundledRegulations();
});

describe("placeholderWindowsOn", () => {
  it("reads the version in force on the day: Art. 6(2) AI Act before and after the AI omnibus", async () => {
    const organization = await createOrganization();
    const reader = { organizationId: organization.id };
    const key = "eu:2024/1689:art:6:par:2";
    const before = await placeholderWindowsOn(reader, [key], "2026-07-01");
    const after = await placeholderWindowsOn(reader, [key], "2026-12-07");
    expect(before(key)?.map((w) => w.from)).toEqual(["2026-08-02"]);
    expect(after(key)?.map((w) => w.from)).toEqual(["2027-12-02"]);
    // A provision without windows of its own follows its version's (GDPR: 25.5.2018).
    const gdpr = await placeholderWindowsOn(reader, ["eu:2016/679:art:28"], "2026-12-07");
    expect(gdpr("eu:2016/679:art:28")).toEqual([{ from: "2018-05-25", condition: null }]);
    expect(
      (await placeholderWindowsOn(reader, ["eu:2016/679:art:999"], "2026-12-07"))(
        "eu:2016/679:art:999",
      ),
    ).toBeUndefined();
  });
});
