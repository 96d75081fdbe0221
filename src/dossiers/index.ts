export { PRINT_SCRIPT, PRINT_SCRIPT_PATH, renderDossierPage, renderPrintLinkExpiredPage, renderPrintUnavailablePage, type RenderDossierPageOptions } from './print-page.js';
export { createPrintTokens, derivePrintKey, type PrintTokens, type PrintTokensOptions } from './print-token.js';
export type { PrintableForm, PrintableField, LocalizedText } from './printable-form.js';
export { createReferenceCode, normalizeReference, REFERENCE_PREFIX } from './reference-code.js';
export { renderQrSvg, type QrSvgOptions } from './qr-svg.js';
export { escapeHtml } from './html.js';
export { PRINT_STYLES_CSP_HASH } from './print-styles.js';
export { formatWardDate, formatWardDateTime, formatDateValue } from './format-date.js';
