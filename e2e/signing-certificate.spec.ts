import { createTestCertificateAuthority, parsePkcs12 } from "../app/modules/signing/pkcs12";
import { db } from "../app/utils/db.server";
import {
  expect,
  seedOrganization,
  seedUser,
  signInContext,
  test,
  waitForHydration,
} from "./support/fixtures";

/**
 * Admin → Settings → Report signing certificate in the browser, in both languages: a wrong
 * passphrase is answered on the page, the right one stores the certificate and shows its facts,
 * removing it goes back to the operator's certificate; the audit page then shows the chain's
 * anchors (its checkpoints) next to the chain verdict.
 */
const TEXT = {
  en: {
    title: "Report signing certificate",
    file: "PKCS#12 file",
    passphrase: "Passphrase of the file",
    upload: "Upload certificate",
    wrong: "The passphrase does not open this file.",
    uploaded: "The certificate was saved. The next signed report uses it.",
    remove: "Remove certificate",
    removed: "The certificate was removed.",
    verify: "Verify chain",
    intact: "The chain is intact",
    anchors: /Anchors: .*(checkpoint|anchored)/,
  },
  de: {
    title: "Zertifikat für signierte Berichte",
    file: "PKCS#12-Datei",
    passphrase: "Passphrase der Datei",
    upload: "Zertifikat hochladen",
    wrong: "Die Passphrase öffnet diese Datei nicht.",
    uploaded: "Das Zertifikat wurde gespeichert. Der nächste signierte Bericht verwendet es.",
    remove: "Zertifikat entfernen",
    removed: "Das Zertifikat wurde entfernt.",
    verify: "Kette prüfen",
    intact: "Die Kette ist intakt",
    anchors: /Anker: .*(Kontrollpunkt|verankert)/,
  },
} as const;

for (const language of ["en", "de"] as const) {
  test(`${language}: an ADMIN uploads, inspects and removes the organisation's signing certificate; the audit page shows the anchors`, async ({
    page,
    consoleGuard,
  }) => {
    // A refused upload is answered with status 400 and the form's message; Chromium logs the status.
    consoleGuard.allow(/Failed to load resource: the server responded with a status of 400/);
    const t = TEXT[language];
    const org = await seedOrganization(`Signatur ${language} GmbH`);
    const admin = await seedUser(org.id, "ADMIN", { withTotp: true });
    await db().user.update({ where: { id: admin.userId }, data: { locale: language } });
    await signInContext(page.context(), admin);

    await page.goto("/admin/settings");
    await page.getByRole("link", { name: t.title }).click();
    await expect(page).toHaveURL(/\/admin\/signing$/);
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await waitForHydration(page);

    const own = createTestCertificateAuthority(`Eigene Signatur ${language.toUpperCase()} GmbH`);
    const file = {
      name: "signing.p12",
      mimeType: "application/x-pkcs12",
      buffer: Buffer.from(own.p12),
    };
    await page.getByLabel(t.file).setInputFiles(file);
    await page.getByLabel(t.passphrase).fill("not the passphrase");
    await page.getByRole("button", { name: t.upload }).click();
    await expect(page.getByRole("alert")).toContainText(t.wrong);

    await page.getByLabel(t.file).setInputFiles(file);
    await page.getByLabel(t.passphrase).fill(own.passphrase);
    await page.getByRole("button", { name: t.upload }).click();
    await expect(page.getByRole("status")).toContainText(t.uploaded);
    const facts = page.getByTestId("certificate-uploaded");
    await expect(facts).toContainText(`CN=Eigene Signatur ${language.toUpperCase()} GmbH`);
    await expect(facts).toContainText(parsePkcs12(own.p12, own.passphrase).fingerprint);
    await expect(page.locator("body")).not.toContainText("PRIVATE KEY");

    await page.getByRole("button", { name: t.remove }).click();
    await expect(page.getByRole("status")).toContainText(t.removed);
    await expect(page.getByTestId("certificate-uploaded")).toHaveCount(0);

    await page.goto("/audit");
    await waitForHydration(page);
    await page.getByRole("button", { name: t.verify }).click();
    await expect(page.getByTestId("chain-verdict")).toContainText(t.intact);
    await expect(page.getByTestId("anchor-summary")).toContainText(t.anchors);
  });
}
