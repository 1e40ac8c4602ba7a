/**
 * Messages of domain errors and of input that failed validation. Use cases throw these keys with
 * parameters; the page, the JSON response or the mail translates them in the reader's language.
 */
export const errors = {
  notFound: "Not found.",
  forbidden: "Your role does not allow this action.",
  assessmentNotFound: "The assessment was not found.",
  decisionNotFound: "The assessment or its decision was not found.",
  inviteNotFound: "The invitation link was not found or is no longer valid.",
  fileNotFound: "The file was not found.",
  vendorNotFound: "The vendor was not found.",
  productNotFound: "The product was not found.",
  alreadyExists:
    "This exists already (perhaps someone has just created it). Reload the page and check.",
  weightProfileNotFound: "The weight profile was not found.",
  templateNotFound: "The template was not found.",
  templateVersionNotFound: "The template version was not found.",
  templateKeyNotFound:
    "There is no template with the key “{key}”: import the file as a new template.",
  templateNoPublishedVersion: "Template “{key}” has no published version.",
  templateNoSuchVersion: "Template “{key}” has no version {version}.",
  clarificationNotFound: "The clarification was not found.",
  reportNotFound: "The report was not found.",
  findingNotFound: "The finding was not found.",
  assessmentChanged: "The assessment was changed in the meantime. Reload the page and try again.",
  assessmentChangedDecide:
    "The assessment changed since you opened it. Reload the page and decide again.",
  findingChanged: "The finding was changed by someone else. Reload the page and edit it again.",
  vendorChanged: "The vendor was changed by someone else in the meantime. Nothing was saved.",
  productChanged: "The product was changed by someone else in the meantime. Nothing was saved.",
  draftChanged: "The draft was changed in the meantime. Reload the editor and try again.",
  draftChangedRevision:
    "The draft was changed by someone else meanwhile (now revision {revision}). Nothing was saved: reload the editor to see the changes.",
  draftGone:
    "The draft no longer exists: it was published or discarded meanwhile. Nothing was saved.",
  draftIdentical: "The draft is identical to version {version}: there is nothing to publish.",
  draftOpen:
    "Template “{key}” has an open draft: publish or discard it before importing a new one.",
  templateKeyTaken: "A template with the key “{key}” already exists.",
  templateKeyTakenImport:
    "A template with the key “{key}” already exists: import the file as a new draft of it.",
  templateKeyMismatch: "The definition's key “{given}” is not the template's key “{expected}”.",
  vendorHasAssessments: "A vendor with assessments cannot be deleted: archive it instead.",
  productHasAssessments: "A product with assessments cannot be deleted.",
  vendorArchived: "The vendor is archived: restore it before changing it.",
  vendorInputInvalid: "Please correct the vendor or product details.",
  vendorWriteForbidden: "Only admins and assessors can change vendors and products.",
  vendorReadForbidden: "Your role cannot read vendors.",
  templateWriteForbidden: "Only admins and assessors edit templates.",
  frameworkImportForbidden: "Only admins and data protection officers import frameworks.",
  frameworkVersionTaken:
    "Version {version} of {urn} was imported already with other content: nothing was written. Give the changed file a new version.",
  assessmentWriteForbidden: "Only assessors and admins can change assessments.",
  decideForbidden: "Only the data protection officer can decide an assessment.",
  findingWriteForbidden: "Only assessors and admins can change findings.",
  commentForbidden: "Only assessors, admins and data protection officers can comment.",
  weightsForbidden: "Only admins manage weight profiles.",
  recentMfaRequired: "A recent two-factor check is required.",
  separationOfDuties:
    "Separation of duties: you took part in this assessment ({roles}) and cannot decide it.",
  totpAlreadyEnabled: "Two-factor authentication is already enabled.",
  statusTransition: "An assessment in status “{from}” cannot move to “{to}”.",
  invitesOnlyWhileAnswering: "Invitations can only be sent while the vendor is answering.",
  reissueOnlyWhileAnswering: "Links can only be re-issued while the vendor is answering.",
  reissueRevoked: "A revoked link cannot be re-issued.",
  reissueParentInvalid: "The link this one was delegated from is no longer valid.",
  inviteInputInvalid:
    "Please check the invitation: an e-mail address and a valid period are needed.",
  delegationInvalid:
    "Please check the delegation: a name, an e-mail address and at least one section are needed.",
  delegationForeignSections: "Sections outside your own cannot be delegated.",
  questionnaireClosed: "The questionnaire can no longer be changed.",
  questionnaireReadOnly: "The questionnaire was submitted and is read-only.",
  sectionNotDelegated: "This section was not delegated to you.",
  questionNotReopened:
    "Only the questions reopened by the change request can be changed; this one was not reopened.",
  submitMainContactOnly: "Only the main contact can submit the questionnaire.",
  sectionsDoneDelegatesOnly: "Only a colleague answering some sections can say they are done.",
  extendNoDueDate: "This assessment has no due date to extend the link to.",
  extendNotActive: "Only an active link can be extended.",
  tooManyInvitations: "Too many invitations. Please try again in {seconds} seconds.",
  clarificationsClosed: "This assessment is closed: its clarifications can no longer change.",
  clarificationInvalid:
    "A clarification needs a known question and a message of 1 to {max} characters.",
  clarificationReplyInvalid: "A reply needs a thread and a message of 1 to {max} characters.",
  clarificationWhich: "Please choose the clarification.",
  questionNotInQuestionnaire: "This question is not part of the assessment's questionnaire.",
  draftRevisionMissing:
    "The form is missing the draft's revision: reload the editor and try again.",
  unknownFormAction:
    "This form asks for an action the page does not know: reload the page and try again.",
  unknownQuestions: "These questions are not part of the questionnaire: {keys}.",
  comparisonRefused: "These vendors cannot be compared: {reason}.",
  outboxForbidden: "Only admins can read the outbox.",
  jobNotFound: "The job was not found, or it is no longer in the dead-letter list.",
  formUnreadable: "The form could not be read. Please send it again.",
  formInvalidCharacters: "The form contains invalid characters.",
  formFieldTooLong: "A form field is longer than {max} characters.",
  uploadTooLarge: "The upload is too large (at most {size} MB).",
  invalidInput: "The input is not valid.",
  // Generic messages for validation rules whose schema names no message of its own.
  required: "This field is required.",
  tooShort: "Enter at least {min} characters.",
  tooLong: "Enter at most {max} characters.",
  numberTooSmall: "Enter a number of at least {min}.",
  numberTooLarge: "Enter a number of at most {max}.",
  notANumber: "Enter a number.",
  invalidFormat: "The format is not valid.",
  invalidChoice: "Choose one of the offered options.",
  tooFewItems: "Choose at least {min}.",
  tooManyItems: "Choose at most {max}.",
};
