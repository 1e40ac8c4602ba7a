import { translate, type Locale } from "../../utils/i18n";
import { newLinkUrl } from "../portal/new-link-ref.server";

/** The paragraph under a vendor mail that offers a new link (tokens are stored hashed). */
export function newLinkFooter(locale: Locale, inviteId: string): string {
  return translate(locale, "notifications.newLinkFooter", { url: newLinkUrl(inviteId) });
}
