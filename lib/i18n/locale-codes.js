// @ts-check
// The interface's languages' codes, in plain JavaScript: next.config.js and the security headers
// (lib/http/security-headers.js) read them before anything is compiled. lib/i18n/locales.ts
// gives them with everything else about the languages.
export const localeCodes = /** @type {const} */ (["en", "ar", "tr", "ku", "fr", "de"]);
