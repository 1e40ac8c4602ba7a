import { describe, expect, it } from "vitest";
import { VERIFY_MAX_BYTES } from "../signing/verify-limits";
import { TEMPLATE_FORM_MAX_BYTES } from "../templates/read-template-form.server";
import {
  bodyLimitFor,
  bodyTooLargeResponse,
  DEFAULT_BODY_MAX_BYTES,
  MULTIPART_OVERHEAD_BYTES,
  routePath,
} from "./body-limits.server";
import { getEnv } from "../../utils/env.server";

describe("routePath", () => {
  it("names a request as the router matches it", () => {
    expect(routePath("/Portal/Evidence/")).toBe("/portal/evidence");
    expect(routePath("/portal%2Fevidence")).toBe("/portal/evidence");
    expect(routePath("/portal.data")).toBe("/portal");
    expect(routePath("/_root.data")).toBe("/");
    expect(routePath("/%E0%A4%A")).toBe("/%e0%a4%a");
  });
});

describe("bodyLimitFor", () => {
  it("gives uploads their own limits and every other route the default", () => {
    expect(bodyLimitFor("/portal/evidence")).toMatchObject({
      maxBytes: getEnv().EVIDENCE_MAX_BYTES + MULTIPART_OVERHEAD_BYTES,
      shownMaxBytes: getEnv().EVIDENCE_MAX_BYTES,
    });
    expect(bodyLimitFor("/verify").maxBytes).toBe(VERIFY_MAX_BYTES + MULTIPART_OVERHEAD_BYTES);
    expect(bodyLimitFor("/templates/import").maxBytes).toBe(TEMPLATE_FORM_MAX_BYTES);
    expect(bodyLimitFor("/templates/c123/edit.data").maxBytes).toBe(TEMPLATE_FORM_MAX_BYTES);
    expect(bodyLimitFor("/templates/c123/other").maxBytes).toBe(DEFAULT_BODY_MAX_BYTES);
    expect(bodyLimitFor("/portal/answer").maxBytes).toBeGreaterThan(DEFAULT_BODY_MAX_BYTES);
    for (const path of [
      "/login",
      "/login.data",
      "/",
      "/assessments/x",
      "/no/such/route",
      "/verify/extra",
    ]) {
      expect(bodyLimitFor(path).maxBytes, path).toBe(DEFAULT_BODY_MAX_BYTES);
    }
  });
});

describe("bodyTooLargeResponse", () => {
  const request = (headers: Record<string, string>) =>
    new Request("http://localhost/login", { method: "POST", headers });

  it("says in German, as a page, what was too large", async () => {
    const response = await bodyTooLargeResponse(
      request({ Accept: "text/html", "Accept-Language": "de" }),
      bodyLimitFor("/templates/import"),
    );
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Die Datei ist größer als 2 MB");
  });

  it("answers JSON for our upload script and plain text otherwise, in English by default", async () => {
    const json = await bodyTooLargeResponse(
      request({ Accept: "application/json" }),
      bodyLimitFor("/login"),
    );
    expect(await json.json()).toMatchObject({
      ok: false,
      code: "too_large",
      params: { max: String(DEFAULT_BODY_MAX_BYTES) },
    });
    const text = await bodyTooLargeResponse(request({}), bodyLimitFor("/login"));
    expect(await text.text()).toMatch(/^What you sent is larger than 1 MB/);
  });
});

describe("bodyTooLargeResponse for Remix data requests", () => {
  it("is an error Remix's client decodes, with the message in the visitor's language", async () => {
    const response = await bodyTooLargeResponse(
      new Request("http://localhost/verify.data", {
        method: "POST",
        headers: { Accept: "*/*", "Accept-Language": "de" },
      }),
      bodyLimitFor("/verify.data"),
    );
    expect(response.status).toBe(413);
    expect(response.headers.get("Content-Type")).toBe("text/x-script");
    expect(await response.text()).toBe(
      '[{"_1":2},"error",["ErrorResponse",3,4,5],"Die Datei ist größer als 25 MB.",413,"Payload Too Large"]\n',
    );
  });
});
