import { describe, expect, it } from "vitest";
// The Express front's plain JavaScript, as server/app.js uses it.
import { createRouteLabeler } from "../../server/route-label.js";

/**
 * The route label of the access log and the request metrics (issue 13, items 6 and 7): the
 * Remix route id, never the path, so ids and tokens stay out of logs' route field and out of
 * metric labels (one time series per route, not per assessment).
 */
const routes = {
  root: { id: "root", path: "" },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true },
  "routes/assessments.$assessmentId": {
    id: "routes/assessments.$assessmentId",
    parentId: "root",
    path: "assessments/:assessmentId",
  },
  "routes/invite.$token": { id: "routes/invite.$token", parentId: "root", path: "invite/:token" },
  "routes/portal.answer": { id: "routes/portal.answer", parentId: "root", path: "portal/answer" },
  "routes/healthz": { id: "routes/healthz", parentId: "root", path: "healthz" },
};

describe("route labels", () => {
  const label = createRouteLabeler({ routes });

  it("names the route, not the ids or tokens in the path", () => {
    expect(label("/assessments/cm123abc")).toBe("routes/assessments.$assessmentId");
    expect(label("/invite/0123456789abcdefghijABCDEFGHIJ-_0123456789")).toBe(
      "routes/invite.$token",
    );
    expect(label("/")).toBe("routes/_index");
  });

  it("labels single-fetch data requests by the route they load", () => {
    expect(label("/portal/answer.data")).toBe("routes/portal.answer");
    expect(label("/_root.data")).toBe("routes/_index");
  });

  it("gives probes and metrics fixed labels, and unknown paths one label", () => {
    expect(label("/healthz")).toBe("healthz");
    expect(label("/readyz")).toBe("readyz");
    expect(label("/metrics")).toBe("metrics");
    expect(label("/wp-admin/setup.php")).toBe("not_found");
    expect(label("/assessments/a/b/c")).toBe("not_found");
  });
});
