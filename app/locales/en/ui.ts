/** Words of the UI primitives and the app shell (app/components/ui, app-shell.tsx). */
export const ui = {
  menu: "Menu",
  languageSwitch: "Language",
  dismiss: "Dismiss",
  close: "Close",
  confirmCancel: "Cancel",
  comboBoxShowAll: "Show all options",
  comboBoxNoMatch: "No match",
  comboBoxHint: "Type to filter the list.",
  noticeSaved: "Saved.",
};
