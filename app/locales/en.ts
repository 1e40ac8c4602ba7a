export { en, type Messages } from "./en/index";
