import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { decodedBody, getBytes } from "../support/raw-http";

/**
 * Server-rendered pages are clean UTF-8 (issue 11, item 19): React 18's stream writer sends its
 * whole 2 KiB buffer when a multi-byte character does not fit at its end, unused zero bytes
 * included, so pages carried NUL bytes (a visible "�") wherever a character straddled a 2 KiB
 * boundary. Vendor names of many "€", "ä", quotes and emoji, at every offset, put characters on
 * boundaries all over the page; every page must decode without a NUL or U+FFFD, through the
 * rendered-page cache (/portfolio, a miss and a hit) and without it (/vendors), compressed and not.
 */
let app: AppServer;
let cookie: string;
const names: string[] = [];

/** Names whose multi-byte characters start at every byte offset (ASCII prefixes of 0–5). */
function straddlingNames(): string[] {
  const alphabets = ["€", "ä", "„“", "·", "😀", "Ω€ü"];
  const out: string[] = [];
  for (let i = 0; i < 36; i++) {
    const prefix = "x".repeat(i % 6);
    const alphabet = alphabets[Math.floor(i / 6)]!;
    out.push(`${prefix}${alphabet.repeat(Math.ceil(120 / alphabet.length))} ${i}`);
  }
  return out;
}

beforeAll(async () => {
  app = await startAppServer();
  const org = await createOrganization();
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  for (const name of straddlingNames()) {
    await createVendor({ organizationId: org.id, name });
    names.push(name);
  }
  const client = createClient(app.baseUrl);
  await client.login(assessor.user.email, assessor.password);
  cookie = [...client.cookies()].map(([name, value]) => `${name}=${value}`).join("; ");
}, 120_000);

afterAll(async () => {
  await app?.close();
});

/** Where a NUL byte or an invalid UTF-8 sequence sits in a page, with what surrounds it. */
function encodingDefects(bytes: Buffer): string[] {
  const defects: string[] = [];
  for (let at = bytes.indexOf(0); at >= 0 && defects.length < 5; at = bytes.indexOf(0, at + 1)) {
    defects.push(
      `NUL at byte ${at} (${at % 2048} past a 2 KiB boundary): …${bytes.subarray(Math.max(0, at - 12), at + 12).toString("utf8")}…`,
    );
  }
  const text = bytes.toString("utf8");
  const replacement = text.indexOf("\uFFFD");
  if (replacement >= 0)
    defects.push(
      `U+FFFD at character ${replacement}: …${text.slice(Math.max(0, replacement - 12), replacement + 12)}…`,
    );
  return defects;
}

describe("server-rendered HTML is clean UTF-8 where multi-byte characters meet chunk boundaries", () => {
  for (const encoding of ["identity", "gzip", "br"]) {
    it(`/vendors (rendered every time, two pages), ${encoding}`, async () => {
      let text = "";
      for (const page of [1, 2]) {
        const response = await getBytes(app.baseUrl, `/vendors?page=${page}`, {
          Cookie: cookie,
          "Accept-Encoding": encoding,
        });
        expect(response.status).toBe(200);
        const html = decodedBody(response);
        expect(html.length).toBeGreaterThan(16 * 1024);
        expect(encodingDefects(html)).toEqual([]);
        text += html.toString("utf8");
      }
      for (const name of names) expect(text).toContain(name);
    });

    it(`/portfolio through the page cache (miss, then hit), ${encoding}`, async () => {
      const target = `/portfolio?sort=name&encoding=${encoding}`;
      const miss = await getBytes(app.baseUrl, target, {
        Cookie: cookie,
        "Accept-Encoding": encoding,
      });
      const hit = await getBytes(app.baseUrl, target, {
        Cookie: cookie,
        "Accept-Encoding": encoding,
      });
      expect([miss.headers["x-page-cache"], hit.headers["x-page-cache"]]).toEqual(["miss", "hit"]);
      for (const response of [miss, hit]) {
        expect(response.status).toBe(200);
        const html = decodedBody(response);
        expect(encodingDefects(html)).toEqual([]);
        const text = html.toString("utf8");
        for (const name of names) expect(text).toContain(name);
      }
    });
  }
});
