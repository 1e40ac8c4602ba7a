import { SYNC_LIMITS, SyncError, type SyncLimits } from "./sync-limits";

/** An http(s) URL, or a SyncError naming what it is instead. */
export function feedUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new SyncError(`not a URL: ${JSON.stringify(text.slice(0, 200))}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new SyncError(`only http and https feeds can be read, not ${url.protocol}`);
  if (url.username || url.password) throw new SyncError("feed URLs with credentials are refused");
  return url;
}

/**
 * GETs a feed within bounds: only http/https, each redirect's target validated the same way and
 * counted (a loop ends at the limit or on the first repeat), one deadline for everything, and at
 * most maxBytes read — the body is streamed and the request aborted once it grows past the limit,
 * so a huge or endless answer never sits in memory. Returns the bytes and the final URL.
 */
export async function fetchFeed(
  source: string,
  limits: SyncLimits = { ...SYNC_LIMITS },
): Promise<{ bytes: Uint8Array; url: URL }> {
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let url = feedUrl(source);
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      seen.add(url.href);
      const response = await fetch(url, {
        redirect: "manual",
        signal: controller.signal,
        headers: {
          Accept: "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.1",
        },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        const next = feedUrl(response.headers.get("location")!, url);
        if (seen.has(next.href))
          throw new SyncError(`redirect loop at ${next.host}${next.pathname}`);
        if (hop + 1 > limits.maxRedirects)
          throw new SyncError(`more than ${limits.maxRedirects} redirects`);
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new SyncError(`the feed answered HTTP ${response.status}`);
      }
      const declared = Number(response.headers.get("content-length") ?? "NaN");
      if (declared > limits.maxBytes) {
        await response.body?.cancel();
        throw new SyncError(`the feed has ${declared} bytes; at most ${limits.maxBytes} are read`);
      }
      return { bytes: await readBounded(response, limits.maxBytes, controller), url };
    }
  } catch (error) {
    if (error instanceof SyncError) throw error;
    if (controller.signal.aborted)
      throw new SyncError(`no complete answer within ${limits.timeoutMs} ms`);
    throw new SyncError(`the feed cannot be fetched: ${(error as Error).message}`);
  } finally {
    clearTimeout(deadline);
  }
}

async function readBounded(
  response: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      controller.abort();
      throw new SyncError(`the feed is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
