/** The vendor portal's finishing touches (issue 15, item 7): confirmation, copies, delegates' "done", link expiry. */
export const portalFinish = {
  missingNearSubmit: "Still missing before you can submit ({count}):",
  missingNearDone: "Still missing before you can say you are done ({count}):",
  confirmTitle: "Submit your answers?",
  confirmBody:
    "You are about to submit {count} answers to {organization}. After that the questionnaire is read-only until {organization} asks for changes.",
  confirmSubmit: "Confirm and submit",
  confirmBack: "Back to the questionnaire",
  copyTitle: "Keep a copy of your answers",
  copyCsv: "Download a copy (CSV)",
  copyPdf: "Download a copy (PDF)",
  copyPdfTitle: "Copy of your answers",
  copyPdfMeta: "{organization} · {vendor} · created {date}",
  copyShortened: "… (shortened in this copy)",
  copyMorePages: "This copy ends here: the remaining answers are in the CSV copy.",
  csvSection: "Section",
  csvQuestion: "Question",
  csvAnswer: "Answer",
  csvFiles: "Files",
  sectionsDone: "I am done with my sections",
  sectionsDoneHint: "The contact who invited you is told by e-mail.",
  sectionsDoneConfirmed:
    "Thank you. The contact who invited you has been told that your sections are done.",
  sectionsDoneSince:
    "You said you were done on {date}. You can still change answers until the questionnaire is submitted.",
  doneMailSubject: "{colleague} has finished their sections",
  doneMailBody:
    'Hello {name},\n\n{colleague} says they are done with their sections of the questionnaire "{title}":\n{sections}\n\nReview the answers and submit the questionnaire with your link:\n{url}\n',
  colleaguesTitle: "Colleagues answering sections",
  colleagueDone: "done on {date}",
  colleagueWorking: "still working on it",
  spRemoveRow: "Remove",
  spRemoveRowLabel: "Remove sub-processor row {index}",
  expiresBeforeDue: "Expires on {expires}, before the due date {due}.",
  expiryWarningSummary:
    "{count} active links expire before the due date {due}: the vendor could be locked out before answering.",
  extendToDue: "Extend to the due date",
  extendToDueLabel: "Extend to the due date: the link of {email}",
  extended: "The link of {email} is now valid until {date}.",
};
