// Side-effect module: imported first by fixtures.ts so that every app module imported after it
// (db(), getEnv()) reads the e2e database URL and secrets.
import { applyE2eEnv, E2E_DIR } from "./env";

applyE2eEnv();
// Use cases called from fixtures may send mail; the workers have no SMTP catcher, so such mail
// goes to files. Mail the app server sends is caught by the catcher (see start-server.ts).
process.env.MAIL_URL = `file:${E2E_DIR}/worker-outbox`;
