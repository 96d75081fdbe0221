export { createUiRoutes, resolveInside, type UiRoutesOptions } from './serve-ui.js';
export { isOriginAllowed, normalizeOrigins } from './origin-allowlist.js';
export { getContentType } from './content-types.js';
