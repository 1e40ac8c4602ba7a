import type { ui as en } from "../en/ui";

export const ui: Record<keyof typeof en, string> = {
  menu: "Menü",
  languageSwitch: "Sprache",
  dismiss: "Ausblenden",
  confirmCancel: "Abbrechen",
  comboBoxShowAll: "Alle Einträge anzeigen",
  comboBoxNoMatch: "Kein Treffer",
};
