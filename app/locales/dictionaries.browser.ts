import type * as ServerDictionaries from "./dictionaries";
import type { Locale } from "./dictionaries";
import type { Messages } from "./en";

/**
 * The browser's dictionaries: only the page's language is loaded (entry.client.tsx awaits it
 * before hydrating), each language a chunk of its own that is fetched when first needed — after
 * a switch of language by a client-side navigation, say. Vite puts this module in place of
 * dictionaries.ts in the browser build (vite.config.ts, `browserDictionaries`).
 */
const CHUNKS = import.meta.glob<Partial<Record<Locale, Messages>>>([
  "./en/index.ts",
  "./de/index.ts",
]);

const loaded = new Map<Locale, Messages>();
const pending = new Map<Locale, Promise<void>>();
const listeners = new Set<() => void>();

export function messagesFor(locale: Locale): Messages | undefined {
  return loaded.get(locale);
}

export function anyMessages(): Messages | undefined {
  return loaded.values().next().value;
}

export function loadMessages(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return Promise.resolve();
  let promise = pending.get(locale);
  if (!promise) {
    const chunk = CHUNKS[`./${locale}/index.ts`];
    promise = (chunk ? chunk() : Promise.reject(new Error(`no dictionary for ${locale}`))).then(
      (module) => {
        const messages = module[locale];
        if (!messages) throw new Error(`the ${locale} chunk does not export "${locale}"`);
        loaded.set(locale, messages);
        for (const listener of listeners) listener();
      },
    );
    // A failed fetch (offline) may be retried by the next call.
    promise.catch(() => pending.delete(locale));
    pending.set(locale, promise);
  }
  return promise;
}

/** 0 with the page's own dictionary (as on the server, so hydration matches), +1 per later one. */
export function messagesVersion(): number {
  return Math.max(0, loaded.size - 1);
}

export function subscribeMessages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Same functions as the server's module: a change there fails the type check here.
const sameShape = {
  messagesFor,
  anyMessages,
  loadMessages,
  messagesVersion,
  subscribeMessages,
} satisfies typeof ServerDictionaries;
void sameShape;
