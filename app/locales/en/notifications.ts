/** Notifications: the in-app inbox, the preferences card, notification mails, the vendor's "new link" page. */
export const notifications = {
  title: "Notifications",
  inboxLink: "Notifications",
  unreadWord: "unread",
  empty: "No notifications yet. You are told here when an assessment is handed over to you.",
  unread: "Unread",
  markAllRead: "Mark all as read",
  allMarkedRead: "All notifications are marked as read.",
  listLabel: "Your notifications, newest first",
  receivedAt: "Received {date}",
  inboxForwarded: '"{title}" ({vendor}) was forwarded to you for a decision',
  inboxDecided: '"{title}" ({vendor}) was decided: {outcome}',
  inboxSubmitted: '{vendor} submitted "{title}"',
  inboxVendorReplied: '{vendor} replied to a clarification on "{title}"',
  // Preferences (/account)
  preferencesTitle: "Notifications",
  preferencesIntro:
    "Choose per kind how you are told. Security e-mails (sign-in codes, two-factor and password changes) are always sent and cannot be switched off.",
  preferencesKind: "Notification",
  preferencesSaved: "Your notification settings are saved.",
  preferencesInvalid: "Choose one of the offered settings for every notification.",
  channelMail: "Inbox and e-mail",
  channelInbox: "Inbox only",
  channelOff: "Off",
  kindForwarded: "An assessment is forwarded to me for a decision",
  kindDecided: "An assessment I prepared is decided",
  kindSubmitted: "A vendor submitted an assessment I created",
  kindVendorReplied: "A vendor replied to a clarification",
  // Mails to users
  forwardedMailSubject: 'For your decision: "{title}" ({vendor})',
  forwardedMailBody:
    'Hello,\n\n{actor} forwarded the assessment "{title}" of {vendor} to you for a decision.\n\nOpen the assessment: {url}\n\nYou can change which notifications you receive on your account page.\n',
  decidedMailSubject: 'Decided: "{title}" ({vendor}): {outcome}',
  decidedMailBody:
    'Hello,\n\n{actor} decided the assessment "{title}" of {vendor}: {outcome}.\n\nOpen the assessment: {url}\n\nYou can change which notifications you receive on your account page.\n',
  // Mails to vendor contacts (mail only; they carry no sign-in token)
  vendorDecidedMailSubject: '{organization} has decided on "{title}"',
  vendorDecidedMailBody:
    'Hello,\n\n{organization} has completed its assessment "{title}". The outcome: {outcome}.\n{conditions}\nThank you for your answers.\n',
  vendorDecidedConditions: "\nConditions:\n{list}\n",
  vendorConditionLine: "- {text} (due {dueDate})",
  vendorCommentMailSubject: '{organization} left a note on "{title}"',
  vendorCommentMailBody:
    'Hello,\n\n{organization} left a note on your questionnaire "{title}"{question}:\n\n{body}\n\nYou see it when you open the questionnaire with your invitation link.\n',
  vendorCommentQuestion: ' about "{question}"',
  newLinkFooter:
    "\nNo longer have your link? Request a new one here; it is sent to this address only:\n{url}\n",
  // /portal/new-link/:ref
  newLinkTitle: "Request a new link",
  newLinkBody:
    "We send a new personal link to the questionnaire to the e-mail address this invitation was sent to. Your previous link stops working, as do links you gave to colleagues.",
  newLinkSubmit: "Send me a new link",
  newLinkSent:
    "If this invitation is still open, a new link is on its way to the invited address. Check your inbox.",
  newLinkInvalid: "This address is not valid. Use the link from your most recent e-mail.",
  newLinkRateLimited: "A new link was requested a moment ago. Please wait {minutes} minutes.",
};
