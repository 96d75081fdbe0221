import { isValidDate, toIsoDate } from '../calendar.js';
import { parseGender, type Gender } from './gender.js';
import { normaliseName } from './name.js';

/** What the QR code on a chip citizen ID card (CCCD, 2021) holds. Dates are ISO `yyyy-mm-dd`. */
export interface CccdQrData {
  idNumber: string;
  /** The old CMND number; absent when the field is empty or the card omits it. */
  oldIdNumber?: string;
  fullName: string;
  birthDate: string;
  gender: Gender;
  address: string;
  issueDate: string;
}

export interface CccdQrError {
  error: 'malformed_qr';
  /** For the citizen; never repeats what the card holds. */
  message: string;
}

export type CccdQrResult = CccdQrData | CccdQrError;

const RESCAN = 'Vui lòng quét lại mã QR trên thẻ căn cước hoặc nhập thông tin bằng tay.';

/** True for the error branch of a QR parse. */
export function isCccdQrError(result: CccdQrResult): result is CccdQrError {
  return 'error' in result;
}

/**
 * Parses `số CCCD|số CMND cũ|họ tên|ngày sinh ddmmyyyy|giới tính|nơi thường trú|ngày cấp ddmmyyyy` (7 fields, the old
 * CMND possibly empty) or the 6-field variant without the old CMND, as typed by a USB scanner.
 */
export function parseCccdQr(text: string): CccdQrResult {
  const fields = text.normalize('NFC').trim().split('|').map((field) => field.trim());
  if (fields.length !== 6 && fields.length !== 7) {
    return malformed(`Mã QR không đúng định dạng thẻ căn cước (cần 6 hoặc 7 trường, nhận được ${fields.length}).`);
  }
  const [idNumber, oldIdNumber, fullName, birth, genderText, address, issue] =
    fields.length === 7 ? fields : [fields[0], '', ...fields.slice(1)];
  if (!/^\d{12}$/u.test(idNumber ?? '')) return malformed('Số căn cước trong mã QR phải gồm 12 chữ số.');
  if (oldIdNumber && !/^(?:\d{9}|\d{12})$/u.test(oldIdNumber)) {
    return malformed('Số CMND cũ trong mã QR phải gồm 9 hoặc 12 chữ số.');
  }
  if (!fullName || !/\p{L}/u.test(fullName)) return malformed('Mã QR không có họ tên hợp lệ.');
  const birthDate = readQrDate(birth ?? '');
  if (!birthDate) return malformed('Ngày sinh trong mã QR không hợp lệ (cần 8 chữ số ngày-tháng-năm).');
  const gender = parseGender(genderText ?? '');
  if (!gender) return malformed('Giới tính trong mã QR không hợp lệ (cần "Nam" hoặc "Nữ").');
  if (!address) return malformed('Mã QR không có nơi thường trú.');
  const issueDate = readQrDate(issue ?? '');
  if (!issueDate) return malformed('Ngày cấp trong mã QR không hợp lệ (cần 8 chữ số ngày-tháng-năm).');
  return {
    idNumber: idNumber!,
    ...(oldIdNumber ? { oldIdNumber } : {}),
    fullName: normaliseName(fullName),
    birthDate,
    gender,
    address: address.replace(/\s+/gu, ' '),
    issueDate,
  };
}

// A scanner types the code like a keyboard, so it may arrive inside other text or with a trailing newline; it
// starts with the 12-digit number and a bar and runs to the end of its line.
const QR_START = /(?<!\d)\d{12}\|/u;

/** The CCCD QR string inside a message, parsed; undefined when the message holds nothing that looks like one. */
export function findCccdQr(text: string): CccdQrResult | undefined {
  for (const line of text.split(/\r?\n|\r/u)) {
    const start = QR_START.exec(line);
    if (!start) continue;
    const candidate = line.slice(start.index);
    // Four bars at least: a 12-digit number followed by one bar in a sentence is not a scan.
    if ((candidate.match(/\|/gu) ?? []).length >= 4) return parseCccdQr(candidate);
  }
  return undefined;
}

function readQrDate(text: string): string | undefined {
  const match = /^(\d{2})(\d{2})(\d{4})$/u.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? toIsoDate({ day, month, year }) : undefined;
}

function malformed(message: string): CccdQrError {
  return { error: 'malformed_qr', message: `${message} ${RESCAN}` };
}
