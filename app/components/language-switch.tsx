import { Form, useLocation } from "@remix-run/react";
import { loadMessages } from "../locales/dictionaries";
import { cn } from "./ui/cn";
import { LOCALES, type Locale } from "../utils/i18n";
import { useT } from "../utils/use-t";

/**
 * Each language names itself (an endonym: a German reader finds "Deutsch" on an English page),
 * spoken in its own language (the `lang` attribute). The visible code is part of the name, so
 * speech input users can say what they see.
 */
const ENDONYMS: Record<Locale, string> = { de: "Deutsch", en: "English" };

/**
 * The header's language control: one submit button per language ("DE | EN"), the active one
 * pressed. One press switches — no select-then-confirm — and it works without JavaScript, since
 * each button submits its own value to /set-language (which also stores a signed-in user's
 * preference). With JavaScript the new dictionary starts loading on press, in parallel with the
 * submission (only the page's language is in the browser).
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, locale } = useT();
  const location = useLocation();
  return (
    <Form method="post" action="/set-language" className={className}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <div
        role="group"
        aria-label={t("ui.languageSwitch")}
        className="flex items-center rounded-md border border-border-strong bg-surface p-0.5"
      >
        {[...LOCALES]
          .sort((a, b) => (a === "de" ? -1 : b === "de" ? 1 : 0))
          .map((value) => {
            const active = value === locale;
            return (
              <button
                key={value}
                type="submit"
                name="locale"
                value={value}
                lang={value}
                aria-pressed={active}
                onClick={() => void loadMessages(value).catch(() => {})}
                className={cn(
                  "rounded px-2 py-0.5 text-xs font-semibold tracking-wide",
                  active ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                {value.toUpperCase()}
                <span className="sr-only"> {ENDONYMS[value]}</span>
              </button>
            );
          })}
      </div>
    </Form>
  );
}
