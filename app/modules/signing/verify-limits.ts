/** Largest upload /verify accepts (shared by the page's hint and the action); far above any report we sign. */
export const VERIFY_MAX_BYTES = 25 * 1024 * 1024;
