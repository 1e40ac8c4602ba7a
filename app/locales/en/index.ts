import { auth } from "./auth";
import { common } from "./common";

/** English is the reference dictionary: every other language has exactly these keys. */
export const en = { common, auth };
export type Messages = {
  [N in keyof typeof en]: { [K in keyof (typeof en)[N]]: string };
};
