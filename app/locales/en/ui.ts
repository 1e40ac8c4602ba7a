/** Words of the UI primitives and the app shell (app/components/ui, app-shell.tsx). */
export const ui = {
  menu: "Menu",
  languageSwitch: "Language",
  dismiss: "Dismiss",
  confirmCancel: "Cancel",
  comboBoxShowAll: "Show all options",
  comboBoxNoMatch: "No match",
};
