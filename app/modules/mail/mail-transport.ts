/**
 * How MAIL_URL is read. Pure, so the env schema can validate the value with the same rules that
 * sendMail uses to pick the transport.
 */
export type MailTransport =
  { kind: "outbox" } | { kind: "file"; dir: string } | { kind: "smtp"; url: string };

export function mailTransportOf(mailUrl: string): MailTransport {
  if (mailUrl === "outbox") return { kind: "outbox" };
  if (mailUrl.startsWith("file:")) return { kind: "file", dir: mailUrl.slice("file:".length) };
  return { kind: "smtp", url: mailUrl };
}

/** A MAIL_URL the app can use: `outbox`, `file:<dir>` (non-empty), or an smtp(s):// URL. */
export function isValidMailUrl(mailUrl: string): boolean {
  const transport = mailTransportOf(mailUrl);
  if (transport.kind === "outbox") return true;
  if (transport.kind === "file") return transport.dir.length > 0;
  return /^smtps?:\/\/[^\s/]+/.test(mailUrl);
}
