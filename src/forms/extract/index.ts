export { parseDate, parseDateRelativeTo, type ParseDateOptions } from './date.js';
export { dateInWords, numberInWords } from './date-words.js';
export { looksLikeName, normaliseName, parseName } from './name.js';
export { normaliseIdNumber, parseIdNumber, type ParseIdNumberOptions } from './id-number.js';
export { normalisePhone, parsePhone } from './phone.js';
export { parseGender, type Gender } from './gender.js';
export {
  findCccdQr,
  isCccdQrError,
  parseCccdQr,
  type CccdQrData,
  type CccdQrError,
  type CccdQrResult,
} from './cccd-qr.js';
export { formatDate, toIsoDate, fromIsoDate, wardToday, type CalendarDate } from '../calendar.js';
