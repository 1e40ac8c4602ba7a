import { db } from "../../utils/db.server";
import type { Locale } from "../../utils/i18n";
import { localeAfterSignIn } from "./sign-in-locale";

/**
 * After a successful sign-in: stores the language chosen before it as the user's preference when
 * they have none, and returns the language their pages are in from now on (null: nobody chose,
 * the browser's Accept-Language decides). The write is a compare-and-set on the value read (it is
 * in the filter), so a preference saved meanwhile in another tab is never overwritten.
 */
export async function keepChosenLocale(input: {
  userId: string;
  chosen: unknown;
}): Promise<Locale | null> {
  const user = await db().user.findUnique({
    where: { id: input.userId },
    select: { locale: true },
  });
  if (!user) return null;
  const { show, store } = localeAfterSignIn({ stored: user.locale, chosen: input.chosen });
  if (store) {
    await db().user.updateMany({
      where: { id: input.userId, locale: user.locale },
      data: { locale: store },
    });
  }
  return show;
}
