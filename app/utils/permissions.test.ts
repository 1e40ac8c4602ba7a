// The permission table (issue 12, item 6): every action against every role, written out as the
// product describes it, so a change to who may do what is a visible change to this table.
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import {
  ACTIONS,
  assertCan,
  can,
  isPrivilegedRole,
  isRole,
  ROLES,
  rolesAllowedTo,
  type Action,
  type Role,
} from "./permissions";

const Y = true;
const n = false;

/** Columns: ADMIN, ASSESSOR, DPO, AUDITOR. */
const EXPECTED: Record<Action, [boolean, boolean, boolean, boolean]> = {
  "vendor:read": [Y, Y, Y, Y],
  "vendor:edit": [Y, Y, n, n],
  "template:read": [Y, Y, Y, Y],
  "template:edit": [Y, Y, n, n],
  "assessment:read": [Y, Y, Y, Y],
  "assessment:edit": [Y, Y, n, n],
  "assessment:decide": [n, n, Y, n],
  "assessment:re-review": [Y, Y, Y, n],
  "finding:edit": [Y, Y, n, n],
  "comment:write": [Y, Y, Y, n],
  "audit:read": [Y, n, n, Y],
  "member:manage": [Y, n, n, n],
  "organization:configure": [Y, n, n, n],
  "weight-profile:manage": [Y, n, n, n],
  "outbox:read": [Y, n, n, n],
  "job:manage": [Y, n, n, n],
  "framework:import": [Y, n, Y, n],
  "regulation-change:read": [Y, Y, Y, Y],
  "regulation-change:review": [Y, n, Y, n],
  "regulation-digest:receive": [n, n, Y, n],
  "impact:triage": [Y, n, Y, n],
  "home:decision-work": [Y, n, Y, n],
  "home:assessment-work": [Y, Y, n, n],
  "home:audit-overview": [n, n, n, Y],
};

const COLUMNS: readonly Role[] = ["ADMIN", "ASSESSOR", "DPO", "AUDITOR"];

describe("the permission table", () => {
  it("knows exactly the actions listed here, and the four roles", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...ROLES].sort()).toEqual([...COLUMNS].sort());
  });

  const cases = Object.entries(EXPECTED).flatMap(([action, row]) =>
    COLUMNS.map((role, i) => ({ action: action as Action, role, allowed: row[i] })),
  );
  it.each(cases)("$role may $action: $allowed", ({ action, role, allowed }) => {
    expect(can(role, action)).toBe(allowed);
    expect(rolesAllowedTo(action).includes(role)).toBe(allowed);
    if (allowed) expect(() => assertCan({ role }, action, "errors.forbidden")).not.toThrow();
    else expect(() => assertCan({ role }, action, "errors.forbidden")).toThrow(DomainError);
  });

  it("refuses with FORBIDDEN and the caller's message", () => {
    expect(() =>
      assertCan({ role: "AUDITOR" }, "vendor:edit", "errors.vendorWriteForbidden"),
    ).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", message: "errors.vendorWriteForbidden" }),
    );
  });

  it("treats ADMIN and DPO as privileged (second factor required, step-up to grant)", () => {
    expect(COLUMNS.filter(isPrivilegedRole)).toEqual(["ADMIN", "DPO"]);
  });

  it("recognises only the four role names", () => {
    expect(COLUMNS.every(isRole)).toBe(true);
    for (const other of ["admin", "OWNER", "", null, undefined, 1])
      expect(isRole(other)).toBe(false);
  });
});
