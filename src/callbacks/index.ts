export { normalizePhone } from './phone.js';
export { CallbackRequestSchema, type CallbackRequestInput } from './request.js';
