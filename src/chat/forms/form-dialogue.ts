import { findCccdQr, isCccdQrError, type CccdQrData } from '../../forms/extract/cccd-qr.js';
import type { FieldDef, FormDefinition } from '../../forms/types.js';
import { foldForMatch } from '../../text/index.js';
import type { FormState } from './form-state.js';
import { displayValue, interpretAnswer } from './interpret.js';
import { isCancel, isNo, isSkip, isYes, readCorrection } from './words.js';

type Language = 'vi' | 'en';

/** What the dialogue says next, and the form as it stands (for the kiosk's live form view). */
export interface FormTurn {
  text: string;
  state: FormState | undefined;
  /** Quick replies for the kiosk's buttons. */
  choices?: { id: string; label: string }[];
  /** The citizen confirmed the summary and every rule passed: save these values. */
  submit?: Record<string, string>;
}

export interface FormDialogueOptions {
  language: Language;
  today: Date;
  retentionDays: number;
}

const BATCH = 3;
const YES_NO = (language: Language) => [
  { id: 'form:yes', label: language === 'en' ? 'Yes' : 'Đồng ý' },
  { id: 'form:no', label: language === 'en' ? 'No' : 'Không' },
];

/** Starts pre-filling: the consent notice comes before any personal data is asked for. */
export function startForm(form: FormDefinition, { language, retentionDays }: FormDialogueOptions, prefill: Record<string, string> = {}): FormTurn {
  const text =
    language === 'en'
      ? `I can pre-fill the “${form.title.en}” for you. Before that: I will ask for personal details only to print this form for you to bring to the one-stop desk. They are stored encrypted on the ward’s machine, deleted after ${retentionDays} days at the latest, and seen only by you on this screen (until you finish) and by ward officials. Do you agree?`
      : `Tôi có thể giúp bạn điền sẵn “${form.title.vi}”. Trước khi bắt đầu: tôi sẽ hỏi một số thông tin cá nhân, chỉ để in tờ khai cho bạn mang đến bộ phận một cửa. Thông tin được mã hóa, lưu trên máy của phường, tự xóa sau tối đa ${retentionDays} ngày; chỉ bạn (trên màn hình này, đến khi kết thúc) và cán bộ phường xem được. Bạn có đồng ý không?`;
  const known = Object.fromEntries(Object.entries(prefill).filter(([name]) => form.fields.some((f) => f.name === name)));
  return { text, state: { formId: form.id, stage: 'consent', values: known, asking: [], skipped: [] }, choices: YES_NO(language) };
}

/** Continues a pre-filling dialogue with the citizen's message. */
export function continueForm(form: FormDefinition, state: FormState, message: string, options: FormDialogueOptions): FormTurn {
  const { language } = options;
  const t = (vi: string, en: string) => (language === 'en' ? en : vi);
  if (isCancel(message)) return { text: t('Đã hủy điền tờ khai. Thông tin vừa nhập đã được xóa. Bạn cần hỏi gì thêm không?', 'Form filling cancelled; what you entered has been discarded. Anything else?'), state: undefined };

  const qr = findCccdQr(message);
  if (qr && state.stage !== 'consent') {
    if (isCccdQrError(qr)) return ask(form, state, options, `${qr.message}\n`);
    const filled = mapQrToForm(form, qr);
    if (Object.keys(filled).length === 0) return ask(form, state, options, t('Tờ khai này không dùng thông tin từ thẻ căn cước. ', 'This form does not use the ID card details. '));
    return {
      text: t(`Đã đọc thẻ căn cước của ${qr.fullName}. Dùng thông tin này (họ tên, số định danh, ngày sinh, giới tính, nơi thường trú) cho người yêu cầu?`, `I read the ID card of ${qr.fullName}. Use these details for the requester?`),
      state: { ...state, stage: 'confirm-qr', pendingQr: filled },
      choices: YES_NO(language),
    };
  }

  switch (state.stage) {
    case 'consent':
      if (isYes(message)) return ask(form, { ...state, stage: 'collect' }, options, t('Cảm ơn bạn. ', 'Thank you. '));
      return { text: t('Vâng, tôi sẽ không hỏi thông tin cá nhân. Bạn có thể lấy tờ khai trống tại quầy.', 'All right, I will not ask for personal details. Blank forms are available at the counter.'), state: undefined };
    case 'confirm-qr': {
      const { pendingQr, ...rest } = state;
      const next: FormState = { ...rest, stage: 'collect' };
      if (isYes(message) && pendingQr) return ask(form, { ...next, values: { ...state.values, ...pendingQr } }, options, t('Đã điền thông tin từ thẻ. ', 'Filled in from the card. '));
      return ask(form, next, options, t('Đã bỏ qua thông tin trên thẻ. ', 'Card details ignored. '));
    }
    case 'review':
      if (isYes(message)) return { text: '', state, submit: { ...state.values } };
      return correctOrAsk(form, state, message, options);
    case 'collect':
      return correctOrAsk(form, state, message, options);
  }
}

/** Puts the citizen back to the fields that failed the form's rules, with the reasons. */
export function reopenFields(form: FormDefinition, state: FormState, errors: { field: string; message: string }[], options: FormDialogueOptions): FormTurn {
  const values = { ...state.values };
  for (const error of errors) delete values[error.field];
  const reasons = errors.map((e) => `- ${e.message}`).join('\n');
  return ask(form, { ...state, stage: 'collect', values }, options, `${options.language === 'en' ? 'Some details need fixing:' : 'Một vài thông tin cần sửa lại:'}\n${reasons}\n`);
}

function correctOrAsk(form: FormDefinition, state: FormState, message: string, options: FormDialogueOptions): FormTurn {
  const { language, today } = options;
  const correction = readCorrection(message);
  if (correction) {
    const field = findFieldByWords(form, correction.fieldWords);
    if (!field) return ask(form, state, options, language === 'en' ? 'I could not tell which item to change. ' : 'Tôi chưa rõ bạn muốn sửa mục nào. ');
    const read = interpretAnswer(field, correction.value, today);
    if (!read.ok) return ask(form, state, options, `${read.message[language]} `);
    return ask(form, { ...state, values: { ...state.values, [field.name]: read.value } }, options, language === 'en' ? `Changed “${field.label.en}”. ` : `Đã sửa “${field.label.vi}”. `);
  }
  if (state.stage === 'review') return ask(form, state, options, '');
  const asking = state.asking.map((name) => form.fields.find((f) => f.name === name)).filter((f): f is FieldDef => Boolean(f));
  if (isSkip(message)) {
    const optional = asking.filter((f) => !f.required).map((f) => f.name);
    if (optional.length === 0) return ask(form, state, options, language === 'en' ? 'This item is required. ' : 'Mục này bắt buộc, bạn cho tôi biết nhé. ');
    return ask(form, { ...state, skipped: [...state.skipped, ...optional] }, options, '');
  }
  const parts = asking.length > 1 ? message.split(/\n|;|,/).map((p) => p.trim()).filter(Boolean) : [message];
  const values = { ...state.values };
  const problems: string[] = [];
  asking.forEach((field, i) => {
    const part = asking.length > 1 && parts.length !== asking.length ? (i === 0 ? message : undefined) : parts[i];
    if (part === undefined) return;
    const read = interpretAnswer(field, part, today);
    if (read.ok) values[field.name] = read.value;
    else problems.push(`${field.label[language]}: ${read.message[language]}`);
  });
  return ask(form, { ...state, values }, options, problems.length > 0 ? `${problems.join('\n')}\n` : '');
}

/** Asks the next few missing fields, or shows the summary to confirm when nothing is missing. */
function ask(form: FormDefinition, state: FormState, { language }: FormDialogueOptions, prefix: string): FormTurn {
  const missing = fieldsToAsk(form).filter((f) => state.values[f.name] === undefined && !state.skipped.includes(f.name));
  if (missing.length === 0) {
    // Grouped under their section headings: "Họ, chữ đệm, tên" alone would not say whose name it is.
    const lines: string[] = [];
    let group: string | undefined;
    for (const f of fieldsToAsk(form)) {
      const heading = f.group?.[language];
      if (heading && heading !== group) lines.push(`${heading.toUpperCase()}`);
      group = heading;
      const value = state.values[f.name];
      lines.push(`- ${f.label[language]}: ${value !== undefined ? displayValue(f, value, language) : language === 'en' ? '(left blank — fill in by hand)' : '(để trống — điền tay tại quầy)'}`);
    }
    const text =
      language === 'en'
        ? `${prefix}Please check the form:\n${lines.join('\n')}\nIs everything correct? Say “yes” to save it, or e.g. “change date of birth to 12/3/2024”.`
        : `${prefix}Bạn kiểm tra lại tờ khai:\n${lines.join('\n')}\nThông tin đã đúng chưa? Nói “đúng” để lưu, hoặc ví dụ “sửa ngày sinh thành 12/3/2024”.`;
    return { text, state: { ...state, stage: 'review', asking: [] }, choices: [{ id: 'form:yes', label: language === 'en' ? 'Correct, save it' : 'Đúng, lưu tờ khai' }] };
  }
  const batch = nextBatch(missing);
  const questions = batch.map((f, i) => `${batch.length > 1 ? `${i + 1}. ` : ''}${(f.ask ?? f.label)[language]}${f.required ? '' : language === 'en' ? ' (optional — say “skip”)' : ' (không bắt buộc — nói “bỏ qua”)'}`);
  const heading = batch[0]?.group ? `${batch[0].group[language]}: ` : '';
  const hint = batch.length > 1 ? (language === 'en' ? '\n(Answer each on its own line, or separated by commas.)' : '\n(Bạn trả lời từng ý, mỗi ý một dòng hoặc cách nhau bằng dấu phẩy.)') : '';
  return { text: `${prefix}${heading}${batch.length > 1 ? '\n' : ''}${questions.join('\n')}${hint}`, state: { ...state, stage: 'collect', asking: batch.map((f) => f.name) } };
}

/** Fields the dialogue asks for: everything but derived values and household members after the first. */
export function fieldsToAsk(form: FormDefinition): FieldDef[] {
  return form.fields.filter((f) => !f.derived && !/\.[1-9]\d*\./.test(f.name));
}

// Up to three fields of one group, but free text that may contain commas (addresses) is always asked alone.
function nextBatch(missing: FieldDef[]): FieldDef[] {
  const first = missing[0] as FieldDef;
  if (first.type === 'address' || first.type === 'text') return [first];
  const batch = [first];
  for (const field of missing.slice(1)) {
    if (batch.length >= BATCH || field.type === 'address' || field.type === 'text' || field.group?.vi !== first.group?.vi) break;
    batch.push(field);
  }
  return batch;
}

function findFieldByWords(form: FormDefinition, words: string): FieldDef | undefined {
  const wanted = words.split(' ').filter(Boolean);
  let best: { field: FieldDef; score: number } | undefined;
  for (const field of form.fields) {
    const label = foldForMatch(`${field.label.vi} ${field.group?.vi ?? ''} ${field.label.en}`).split(' ');
    const score = wanted.filter((w) => label.includes(w)).length / wanted.length;
    if (score > (best?.score ?? 0.49)) best = { field, score };
  }
  return best?.field;
}

/** Maps the ID card's QR data onto the requester's fields of a form, by field name. */
export function mapQrToForm(form: FormDefinition, qr: CccdQrData): Record<string, string> {
  const requester = form.fields.filter((f) => /^(nguoi_yeu_cau|nguoi_khai)\./.test(f.name) || !f.name.includes('.'));
  const out: Record<string, string> = {};
  const set = (pattern: RegExp, value: string | undefined) => {
    const field = requester.find((f) => pattern.test(f.name.split('.').pop() ?? ''));
    if (field && value) out[field.name] = value;
  };
  set(/^ho_ten$/, qr.fullName);
  set(/^(so_dinh_danh|so_giay_to|so_cccd)$/, qr.idNumber);
  set(/^ngay_sinh$/, qr.birthDate);
  set(/^gioi_tinh$/, qr.gender);
  set(/^(noi_cu_tru|noi_thuong_tru|dia_chi)$/, qr.address);
  set(/^(loai_giay_to)$/, 'cccd');
  set(/^(ngay_cap)$/, qr.issueDate);
  return out;
}
