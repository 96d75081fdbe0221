import { formatDateValue, formatWardDateTime, wardDateParts } from './format-date.js';
import { escapeHtml } from './html.js';
import type { PrintableField, PrintableForm } from './printable-form.js';
import { PRINT_STYLES } from './print-styles.js';
import { renderQrSvg } from './qr-svg.js';

export interface RenderDossierPageOptions {
  form: PrintableForm;
  /** Flat dot-path values, as stored with the dossier. */
  values: Readonly<Record<string, string>>;
  reference: string;
  createdAt: Date;
  /** Official forms are Vietnamese only; kept as an option so an English aid can be added without a new signature. */
  language?: 'vi';
  /** The "Kính gửi" line (e.g. the ward's People's Committee, from the ward settings); overrides a `kinh_gui` value. */
  addressee?: string;
  /** Where it is signed (e.g. the ward's name), for the place/date line; a dotted blank when unknown. */
  place?: string;
  /**
   * A "Print / save as PDF" bar above the sheet, for a page opened in the citizen's own browser (the widget). The
   * kiosk shows the page inside its own view with its own buttons, so it asks for none.
   */
  toolbar?: boolean;
}

interface Signer {
  role: string;
  name?: string;
}

const NOTE = 'Bản điền sẵn để tham khảo — người dân kiểm tra, ký tên tại bộ phận một cửa';
const DECLARATION =
  'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.';
const MARRIAGE_DECLARATION =
  'Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi ' +
  'phạm quy định của Luật Hôn nhân và gia đình Việt Nam. Chúng tôi chịu trách nhiệm trước pháp luật về cam đoan ' +
  'của mình.';
const SIGN_HINT = '(Ký, ghi rõ họ, chữ đệm, tên)';
/** The script behind the toolbar's button, served by the dossier routes (the policy allows no inline script). */
export const PRINT_SCRIPT_PATH = '/api/dossiers/print.js';
export const PRINT_SCRIPT = "document.getElementById('print-button')?.addEventListener('click', () => window.print());\n";
const TOOLBAR =
  '<nav class="toolbar" aria-label="In tờ khai"><button type="button" id="print-button">In tờ khai / Lưu PDF</button>' +
  '<p>Chọn máy in, hoặc “Lưu dưới dạng PDF” để lưu vào máy. Print, or choose “Save as PDF”.</p></nav>' +
  `<script src="${PRINT_SCRIPT_PATH}" defer></script>`;
const BLANK = '<span class="blank"></span>';

const isAddresseeField = (field: PrintableField): boolean => /(^|\.)kinh_gui$/.test(field.name);
const valueOf = (values: RenderDossierPageOptions['values'], name: string): string | undefined => {
  const value = values[name]?.trim();
  return value ? value : undefined;
};

/** The marriage form is signed by both parties; every other form by the one person who asks. */
function isMarriage(form: PrintableForm): boolean {
  const names = new Set(form.fields.map((field) => field.name));
  return form.id === 'to-khai-ket-hon' || (names.has('ben_nu.ho_ten') && names.has('ben_nam.ho_ten'));
}

function signersOf(form: PrintableForm, values: RenderDossierPageOptions['values']): Signer[] {
  if (isMarriage(form)) {
    return [
      { role: 'Bên nữ', name: valueOf(values, 'ben_nu.ho_ten') },
      { role: 'Bên nam', name: valueOf(values, 'ben_nam.ho_ten') },
    ];
  }
  // The requester's block comes first in every form, so the first filled name is the one who signs.
  const nameField = form.fields.find((field) => /(^|\.)ho_ten$/.test(field.name) && valueOf(values, field.name));
  const role = form.id.startsWith('ct01') ? 'Người kê khai' : 'Người yêu cầu';
  return [{ role, name: nameField ? valueOf(values, nameField.name) : undefined }];
}

/** Groups fields by their group (Vietnamese title), in order of first appearance; ungrouped fields form an untitled group. */
function groupFields(fields: readonly PrintableField[]): { title?: string; fields: PrintableField[] }[] {
  const groups = new Map<string, { title?: string; fields: PrintableField[] }>();
  for (const field of fields) {
    const key = field.group?.vi ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { title: field.group?.vi, fields: [] };
      groups.set(key, group);
    }
    group.fields.push(field);
  }
  return [...groups.values()];
}

/** The value as a person reads it: an option's label for a code, a date day-first, anything else as written. */
function displayValue(field: PrintableField, raw: string): string {
  const option = field.options?.find((candidate) => candidate.value === raw);
  if (option) return option.label.vi;
  return field.type === 'date' ? formatDateValue(raw) : raw;
}

function renderField(field: PrintableField, values: RenderDossierPageOptions['values']): string {
  const raw = valueOf(values, field.name);
  const label = escapeHtml(field.label.vi.replace(/\s*:\s*$/, ''));
  // An empty field keeps a dotted line so it can be completed by hand at the counter.
  const value = raw === undefined ? BLANK : `<span class="value">${escapeHtml(displayValue(field, raw))}</span>`;
  return `<div class="field" data-field="${escapeHtml(field.name)}"><span class="label">${label}:</span>${value}</div>`;
}

function renderGroups(form: PrintableForm, values: RenderDossierPageOptions['values']): string {
  return groupFields(form.fields.filter((field) => !isAddresseeField(field)))
    .map((group) => {
      const heading = group.title ? `<h2>${escapeHtml(group.title)}</h2>` : '';
      return `<section class="group">${heading}${group.fields.map((field) => renderField(field, values)).join('')}</section>`;
    })
    .join('');
}

function renderAddressee(options: RenderDossierPageOptions): string {
  const field = options.form.fields.find(isAddresseeField);
  const addressee = options.addressee?.trim() || (field ? valueOf(options.values, field.name) : undefined);
  const text = addressee ? escapeHtml(addressee) : BLANK;
  return `<p class="addressee"><span class="label">Kính gửi:</span>${addressee ? `<span class="value">${text}</span>` : text}</p>`;
}

function renderSignatures(signers: Signer[]): string {
  const blocks = signers.map(
    ({ role, name }) =>
      `<div class="signature"><div class="role">${escapeHtml(role)}</div><div class="hint">${SIGN_HINT}</div>` +
      `<div class="space"></div><div class="name">${name ? escapeHtml(name) : ''}</div></div>`,
  );
  return `<div class="signatures">${blocks.join('')}</div>`;
}

function renderPlaceDate(createdAt: Date, place: string | undefined): string {
  // Pre-dated with the day it was filled: at the kiosk the citizen signs the same day, and can correct it by hand.
  const { day, month, year } = wardDateParts(createdAt);
  const where = place?.trim() ? escapeHtml(place.trim()) : '……………………';
  return `<p class="place-date">Làm tại: ${where}, ngày ${day} tháng ${month} năm ${year}</p>`;
}

function renderReferenceBox(reference: string, createdAt: Date): string {
  const code = escapeHtml(reference);
  return (
    `<section class="reference-box">${renderQrSvg(reference, { label: `Mã hồ sơ ${reference}` })}` +
    `<div><div>Mã hồ sơ: <span class="code">${code}</span></div>` +
    `<div class="created">Lập lúc: ${formatWardDateTime(createdAt)}</div>` +
    `<p class="note">${NOTE}</p></div></section>`
  );
}

function legalBasisLine(legalBasis: string): string {
  const text = legalBasis.trim();
  return /^mẫu\b/i.test(text) ? text : `Mẫu theo ${text}`;
}

/** Renders a pre-filled dossier as a complete, self-contained A4 HTML page in the official form layout. */
export function renderDossierPage(options: RenderDossierPageOptions): string {
  const { form, values, reference, createdAt } = options;
  const title = form.title.vi.toLocaleUpperCase('vi-VN');
  const declaration = isMarriage(form) ? MARRIAGE_DECLARATION : DECLARATION;
  return [
    '<!DOCTYPE html>',
    '<html lang="vi"><head><meta charset="utf-8">',
    `<title>${escapeHtml(`${form.title.vi} — ${reference}`)}</title>`,
    `<style>${PRINT_STYLES}</style></head>`,
    '<body>',
    options.toolbar ? TOOLBAR : '',
    '<main class="sheet">',
    `<p class="legal-basis">${escapeHtml(legalBasisLine(form.legalBasis))}</p>`,
    '<header class="national"><div>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>',
    '<div class="motto">Độc lập - Tự do - Hạnh phúc</div></header>',
    `<h1>${escapeHtml(title)}</h1>`,
    renderAddressee(options),
    renderGroups(form, values),
    `<p class="declaration">${declaration}</p>`,
    renderPlaceDate(createdAt, options.place),
    renderSignatures(signersOf(form, values)),
    renderReferenceBox(reference, createdAt),
    '</main></body></html>',
  ].join('\n');
}

/** A short page for a person, in the print page's style: what a print link shows when it cannot show the form. */
function renderNoticePage(title: string, paragraphs: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PRINT_STYLES}</style></head>`,
    `<body><main class="notice"><h1>${escapeHtml(title)}</h1>`,
    ...paragraphs,
    '</main></body></html>',
  ].join('\n');
}

/** The page a print link shows once it has expired or its kiosk session has ended: a person's words, never JSON. */
export function renderPrintLinkExpiredPage(): string {
  return renderNoticePage('Liên kết in tờ khai đã hết hạn', [
    '<p>Để bảo vệ thông tin cá nhân, liên kết in chỉ dùng được trong ít phút và chỉ khi phiên trò chuyện còn mở.</p>',
    '<p>Tờ khai của bạn vẫn được lưu: cán bộ ở bộ phận một cửa tìm được bằng mã hồ sơ đã hiện trong cuộc trò chuyện. Bạn cũng có thể điền lại ở máy tra cứu của phường.</p>',
    '<p lang="en">This print link has expired. Your form is saved: give its reference code (shown in the chat) at the one-stop desk, or fill it in again at the ward’s kiosk.</p>',
  ]);
}

/** The page a print link shows while the database cannot be read: try again, or go to the counter. */
export function renderPrintUnavailablePage(): string {
  return renderNoticePage('Chưa mở được tờ khai', [
    '<p>Hệ thống tạm thời chưa mở được tờ khai. Bạn thử lại sau ít phút, hoặc đến bộ phận một cửa với mã hồ sơ đã hiện trong cuộc trò chuyện.</p>',
    '<p lang="en">The form cannot be opened right now. Please try again in a few minutes, or give your reference code at the one-stop desk.</p>',
  ]);
}
