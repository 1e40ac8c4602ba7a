export const signing = {
  title: "Report signing certificate",
  intro:
    "Signed assessment reports carry this certificate, and whoever checks a report sees who signed it: your organisation's own certificate if you upload one; otherwise a certificate that the operator of this installation issued for {organization}.",
  settingsLink: "Report signing certificate",
  settingsLinkHint: "Which certificate signs your assessment reports, and uploading your own.",
  nextHeading: "The next signed report",
  nextUploaded: "is signed with your organisation's own certificate (below).",
  nextIssued:
    "is signed with the certificate the operator's certificate issued for your organisation.",
  nextIssuedPending:
    "is signed with a certificate that the operator's certificate issues for your organisation with its first signed report.",
  nextOperator:
    "is signed with the operator's certificate itself: it cannot issue certificates for organisations. Upload your own to sign in your organisation's name.",
  nextNone:
    "cannot be signed: no certificate is configured. Decisions get no signed report until the operator configures one or you upload your own.",
  uploadedHeading: "Your organisation's certificate",
  issuedHeading: "Issued for your organisation by the operator",
  operatorHeading: "The operator's certificate (issuer)",
  subject: "Subject",
  issuer: "Issuer",
  validity: "Valid",
  validRange: "{from} to {to}",
  fingerprint: "SHA-256 fingerprint",
  expired: "Expired: it no longer signs reports.",
  uploadHeading: "Upload your own certificate",
  replaceHeading: "Replace your certificate",
  uploadIntro:
    "A PKCS#12 file (.p12 or .pfx, at most 64 kB) with an RSA key of at least 2048 bits, valid now and allowed to sign documents. The passphrase is used once to open the file and is not stored; the key is stored encrypted and is never shown again.",
  fileLabel: "PKCS#12 file",
  passphraseLabel: "Passphrase of the file",
  uploadButton: "Upload certificate",
  replaceButton: "Replace certificate",
  removeHeading: "Remove your certificate",
  removeHint:
    "Reports are then signed with the certificate the operator issues for your organisation. Reports signed so far stay valid.",
  removeButton: "Remove certificate",
  uploaded: "The certificate was saved. The next signed report uses it.",
  removed: "The certificate was removed.",
  stepUpHint:
    "Uploading or removing a certificate needs a fresh two-factor check (valid for {minutes} minutes).",
  errorNoFile: "Choose a PKCS#12 file (.p12 or .pfx).",
  errorTooLarge: "The file is larger than 64 kB: that is not a PKCS#12 signing certificate.",
  errorPassphrase: "The passphrase does not open this file.",
  errorUnreadable: "The file is not a readable PKCS#12 file (.p12 or .pfx).",
  errorNoRsaKey: "The file holds no RSA private key (only RSA keys are supported).",
  errorNoCertificate: "The file holds no certificate for its private key.",
  errorWeakKey: "The key is shorter than 2048 bits.",
  errorExpired: "The certificate has expired.",
  errorNotYetValid: "The certificate is not valid yet.",
  errorKeyUsage: "The certificate may not sign documents (its key usage forbids it).",
  errorTooManyIterations:
    "The file's key protection asks for more than 50,000 key-derivation rounds. Export it again with the usual settings.",
  errorNotFound: "This certificate is no longer in use.",
  errorUnknownAction: "Unknown action.",
};
