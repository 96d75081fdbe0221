import { findCccdQr, isCccdQrError } from '../../forms/extract/cccd-qr.js';
import { looksLikeName } from '../../forms/extract/name.js';
import type { FieldDef, FormDefinition } from '../../forms/types.js';
import { foldForMatch, type Language } from '../../text/index.js';
import type { FormState, PendingConfirmation } from './form-state.js';
import { foldAligned } from './clauses.js';
import { composeConfirmation, fieldOf, titleOf } from './confirmation-text.js';
import { personPrefix, resolveFieldWords } from './person-words.js';
import { qrTargetPrefix, mapQrToForm } from './qr-fill.js';
import { brokenRules, composeQuestion, composeSummary, fieldsToAsk, nextBatch, requiredNow } from './questions.js';
import { readAnswer, type ReadResult } from './read-answer.js';
import { reuseTarget, reuseValues } from './reuse.js';
import { isCancel, isKeepAsWritten, isNo, isNotKnown, isSkip, isYes, readCorrection, readLanguageSwitch } from './words.js';

/** What the dialogue says next, and the form as it stands (for the kiosk's live form view). */
export interface FormTurn {
  text: string;
  state: FormState | undefined;
  /** Quick replies for the kiosk's buttons. */
  choices?: { id: string; label: string }[];
  /** The citizen confirmed the summary: validate and save these values. */
  submit?: Record<string, string>;
  /** The citizen asked for the other language ("English", "tiếng Việt"): the session speaks it from now on. */
  language?: Language;
}

export interface FormDialogueOptions {
  language: Language;
  today: Date;
  retentionDays: number;
}

const YES_NO = (language: Language, no?: string) => [
  { id: 'form:yes', label: language === 'en' ? 'Yes' : 'Đúng' },
  { id: 'form:no', label: no ?? (language === 'en' ? 'No' : 'Không') },
];
// "đúng, Kinh, Việt Nam": a yes that goes on with the next answers.
const YES_THEN = /^(?:dung|dung roi|co|vang|phai|yes|ok|dong y)\s*[,.;:!]\s*(.+)$/;

/** Starts pre-filling: the consent notice comes before any personal data is asked for. */
export function startForm(form: FormDefinition, { language, retentionDays }: FormDialogueOptions, prefill: Record<string, string> = {}): FormTurn {
  const text =
    language === 'en'
      ? `I can pre-fill the “${form.title.en}” for you. Before we start: I will ask for personal details only to print this form for you to bring to the one-stop desk. They are stored encrypted on the ward’s computer, deleted after ${retentionDays} days at the latest, and seen only by you on this screen (until you finish) and by ward officials. Do you agree?`
      : `Tôi có thể giúp bạn điền sẵn “${form.title.vi}”. Trước khi bắt đầu: tôi sẽ hỏi một số thông tin cá nhân, chỉ để in tờ khai cho bạn mang đến bộ phận một cửa. Thông tin được mã hóa, lưu trên máy của phường, tự xóa sau tối đa ${retentionDays} ngày; chỉ bạn (trên màn hình này, đến khi kết thúc) và cán bộ phường xem được. Bạn có đồng ý không?`;
  const known = Object.fromEntries(Object.entries(prefill).filter(([name]) => form.fields.some((f) => f.name === name)));
  return {
    text,
    state: { formId: form.id, stage: 'consent', values: known, asking: [], skipped: [], pending: [], facts: {} },
    choices: [
      { id: 'form:yes', label: language === 'en' ? 'I agree' : 'Đồng ý' },
      { id: 'form:no', label: language === 'en' ? 'No' : 'Không' },
    ],
  };
}

/** Continues a pre-filling dialogue with the citizen's message. */
export function continueForm(form: FormDefinition, state: FormState, message: string, options: FormDialogueOptions): FormTurn {
  const t = (vi: string, en: string) => (options.language === 'en' ? en : vi);
  if (isCancel(message)) return { text: t('Đã hủy điền tờ khai. Thông tin vừa nhập đã được xóa. Bạn cần hỏi gì thêm không?', 'Form filling cancelled; what you entered has been discarded. Anything else?'), state: undefined };
  const switched = readLanguageSwitch(message);
  if (switched) {
    const next = { ...options, language: switched };
    const turn = state.stage === 'consent' ? startForm(form, next, state.values) : ask(form, state, next, '');
    return { ...turn, language: switched };
  }
  if (state.stage === 'consent') {
    if (isYes(message)) return ask(form, { ...state, stage: 'collect' }, options, t('Cảm ơn bạn. ', 'Thank you. '));
    return { text: t('Vâng, tôi sẽ không hỏi thông tin cá nhân. Bạn có thể lấy tờ khai trống tại quầy.', 'All right, I will not ask for personal details. Blank forms are available at the counter.'), state: undefined };
  }

  const qr = findCccdQr(message);
  // A scanner that read part of the code still types several "|": never a value, always "scan again".
  const brokenScan = !qr && (message.match(/\|/g)?.length ?? 0) >= 3;
  if (qr || brokenScan) {
    if (!qr || isCccdQrError(qr)) return ask(form, state, options, t('Tôi chưa đọc được mã QR này. Bạn quét lại mã trên thẻ căn cước, hoặc gõ thông tin nhé.\n', 'I could not read that QR code. Please scan the code on the ID card again, or type the details.\n'));
    const prefix = qrTargetPrefix(form, askingFields(form, state));
    if (prefix === undefined) return ask(form, state, options, t('Tờ khai này không dùng thông tin từ thẻ căn cước. ', 'This form does not use the ID card details. '));
    const filled = mapQrToForm(form, qr, prefix);
    const group = form.fields.find((f) => f.name.startsWith(`${prefix}.`))?.group?.[options.language] ?? '';
    const base = { ...state, values: { ...state.values, ...filled.values }, facts: { ...state.facts, ...filled.facts }, pending: [], stage: 'collect' as const };
    return ask(form, base, options, t(`Đã điền phần “${group}” từ thẻ căn cước của ${qr.fullName}. Nếu có gì chưa đúng, bạn nói ví dụ “sửa nơi cư trú của tôi thành …”.\n`, `I filled in “${group}” from the ID card of ${qr.fullName}. If anything is wrong, say for example “change my address to …”.\n`));
  }

  switch (state.stage) {
    case 'confirm':
      return answerPending(form, state, message, options);
    case 'which':
      return answerWhich(form, state, message, options);
    case 'review':
      if (isYes(message)) return { text: '', state, submit: { ...state.values } };
      return correctOrRead(form, state, message, options);
    case 'collect':
      return correctOrRead(form, state, message, options);
  }
}

/** Puts the citizen back to the fields that failed the form's rules, with the reasons. */
export function reopenFields(form: FormDefinition, state: FormState, errors: { field: string; message: string }[], options: FormDialogueOptions): FormTurn {
  const values = { ...state.values };
  for (const error of errors) delete values[error.field];
  const skipped = state.skipped.filter((name) => !errors.some((e) => e.field === name));
  const reasons = errors.map((e) => `- ${e.message}`).join('\n');
  return ask(form, { ...state, stage: 'collect', values, skipped }, options, `${options.language === 'en' ? 'Some details need fixing:' : 'Một vài thông tin cần sửa lại:'}\n${reasons}\n`);
}

function askingFields(form: FormDefinition, state: FormState): FieldDef[] {
  return state.asking.map((name) => form.fields.find((f) => f.name === name)).filter((f): f is FieldDef => Boolean(f));
}

function correctOrRead(form: FormDefinition, state: FormState, message: string, options: FormDialogueOptions): FormTurn {
  const { language, today } = options;
  const t = (vi: string, en: string) => (language === 'en' ? en : vi);
  const correction = readCorrection(message);
  // What is still open of the last question (a confirmation in between may have filled some of it).
  const asking = askingFields(form, state).filter((f) => state.values[f.name] === undefined);
  if (correction) {
    const named = resolveFieldWords(form, correction.fieldWords);
    // Of several fields with that name, a correction is about the one already filled in, if only one is.
    const filled = named.filter((f) => state.values[f.name] !== undefined);
    const candidates = named.length > 1 && filled.length === 1 ? filled : named;
    // "tên là …" while the name is being asked is an answer, not a correction.
    const answersQuestion = !correction.explicit && candidates.some((f) => asking.includes(f));
    if (!answersQuestion) {
      if (candidates.length === 0 && correction.explicit) return ask(form, state, options, t('Tôi chưa rõ bạn muốn sửa mục nào, ví dụ “sửa họ tên của bé thành …”. ', 'I could not tell which item to change; say for example “change the child’s name to …”. '));
      if (candidates.length > 1) return askWhich(form, state, candidates.map((f) => f.name), correction.value, language);
      const field = candidates[0];
      if (field) return applyRead(form, { ...state, skipped: state.skipped.filter((n) => n !== field.name) }, readAnswer([field], correction.value, { form, today, values: state.values }), options, [field], t(`Đã sửa “${titleOf(field, language)}”. `, `Changed “${titleOf(field, language)}”. `));
    }
  }
  if (state.stage === 'review') {
    // Anything else at the summary changes the form only where it names the person or the item ("mẹ là …",
    // "quê quán Thái Bình"): nothing is being asked, so no plain words ("cảm ơn") can land in a field.
    const read = readAnswer([], message, { form, today, values: state.values });
    if (Object.keys(read.values).length === 0 && read.pending.length === 0) return ask(form, state, options, t('Tôi chưa hiểu bạn muốn sửa gì. ', 'I did not understand what to change. '));
    return applyRead(form, state, read, options, [], '');
  }
  const required = requiredNow(form, state.values, today);
  if (isSkip(message) || (isNotKnown(message) && !/[,;\n]/.test(message))) {
    const blocking = asking.filter((f) => required.has(f.name));
    const skippable = asking.filter((f) => !required.has(f.name)).map((f) => f.name);
    const next = { ...state, skipped: [...state.skipped, ...skippable] };
    if (blocking.length > 0) {
      const names = blocking.map((f) => titleOf(f, language)).join(', ');
      return ask(form, next, options, t(`Không bỏ qua được: ${names} là bắt buộc. `, `This cannot be skipped: ${names} ${blocking.length > 1 ? 'are' : 'is'} required. `));
    }
    return ask(form, next, options, '');
  }
  const read = readAnswer(asking, message, { form, today, values: state.values });
  return applyRead(form, state, read, options, asking, '');
}

/** Merges what was read, checks the rules it touches, offers reuse, and asks what comes next. */
function applyRead(form: FormDefinition, state: FormState, read: ReadResult, options: FormDialogueOptions, asking: readonly FieldDef[], prefix: string): FormTurn {
  const { language, today } = options;
  const values = { ...state.values, ...read.values };
  const lines: string[] = [];
  for (const problem of read.problems) lines.push(`${titleOf(fieldOf(form, problem.field), language)}: ${problem.message[language]}`);
  for (const broken of brokenRules(form, values, Object.keys(read.values), today)) {
    for (const field of broken.fields) delete values[field];
    lines.push(broken.message[language]);
  }
  if (read.unread.length > 0 && Object.keys(read.values).length === 0 && read.pending.length === 0 && read.problems.length === 0) {
    lines.push(language === 'en' ? 'I did not understand that answer.' : 'Tôi chưa hiểu câu trả lời này.');
  }
  // Optional fields of the question left unanswered are left for the counter, unless a rule now needs them.
  const answeredSomething = Object.keys(read.values).length + read.pending.length + read.skipped.length > 0;
  const required = requiredNow(form, values, today);
  const leftBlank = answeredSomething ? asking.filter((f) => values[f.name] === undefined && !required.has(f.name) && !read.pending.some((p) => p.field === f.name)).map((f) => f.name) : [];
  const skipped = [...new Set([...state.skipped, ...read.skipped.filter((n) => !required.has(n)), ...leftBlank])];
  let pending = [...state.pending, ...read.pending];
  const reuse = offerReuse(form, { ...state, values }, values);
  if (reuse) pending = [...pending, reuse];
  const facts = reuse ? { ...state.facts, reuseOffered: '1' } : state.facts;
  const text = `${prefix}${lines.length > 0 ? `${lines.join('\n')}\n` : ''}`;
  return ask(form, { ...state, values, skipped, pending, facts, correction: undefined }, options, text);
}

function offerReuse(form: FormDefinition, state: FormState, values: Record<string, string>): PendingConfirmation | undefined {
  if (state.facts.reuseOffered) return undefined;
  const target = reuseTarget(form, values);
  if (!target) return undefined;
  const reused = reuseValues(form, target, values, state.facts);
  return Object.keys(reused).length > 0 ? { kind: 'reuse', values: reused, field: target } : undefined;
}

function answerPending(form: FormDefinition, state: FormState, message: string, options: FormDialogueOptions): FormTurn {
  const [first, ...rest] = state.pending;
  if (!first) return ask(form, { ...state, stage: 'collect' }, options, '');
  const base = { ...state, pending: rest, stage: 'collect' as const };
  const then = YES_THEN.exec(foldAligned(message.trim()));
  if (isYes(message) || then) {
    const accepted = { ...base, values: { ...state.values, ...first.values }, ...(first.kind === 'reuse' && first.field ? { focus: first.field } : {}) };
    if (!then?.[1]) return ask(form, accepted, options, '');
    // The words after "đúng," answer the next question.
    const remainder = message.slice(message.length - then[1].length);
    const next = ask(form, accepted, options, '');
    if (!next.state || next.state.stage !== 'collect') return next;
    return correctOrRead(form, next.state, remainder, options);
  }
  const field = first.field ? form.fields.find((f) => f.name === first.field) : undefined;
  if (first.kind === 'marks' && field) {
    const asWritten = { ...base, values: { ...state.values, [field.name]: first.asWritten ?? '' } };
    if (isKeepAsWritten(message) || isNo(message)) return ask(form, asWritten, options, '');
    // A name typed again is taken as written: one question about the marks, never two. Anything that is not a name
    // keeps the name as first written and answers the question that follows.
    if (!looksLikeName(message)) return correctOrRead(form, asWritten, message, options);
    const read = readAnswer([field], message, { form, today: options.today, values: state.values });
    const retyped = read.pending.find((p) => p.kind === 'marks')?.asWritten;
    return applyRead(form, base, retyped ? { ...read, pending: [], values: { [field.name]: retyped } } : read, options, [field], '');
  }
  if (first.kind === 'two-digit-year' && field) {
    if (isNo(message)) return ask(form, { ...base, asking: [field.name] }, options, '');
    return applyRead(form, base, readAnswer([field], message, { form, today: options.today, values: state.values }), options, [field], '');
  }
  // A reuse declined: that section is asked like any other; anything else typed answers the current question.
  if (isNo(message)) return ask(form, base, options, '');
  return correctOrRead(form, base, message, options);
}

function askWhich(form: FormDefinition, state: FormState, candidates: string[], value: string, language: Language): FormTurn {
  const fields = candidates.map((name) => fieldOf(form, name));
  const label = fields[0]?.label[language] ?? '';
  const whose = fields.map((f) => f.group?.[language] ?? f.label[language]);
  return {
    text: language === 'en' ? `Whose “${label}” should I change: ${whose.join(', ')}?` : `Bạn muốn sửa “${label}” của ai: ${whose.join(', ')}?`,
    state: { ...state, stage: 'which', correction: { candidates, value } },
    choices: fields.map((f, i) => ({ id: `form:say:${whose[i]}`, label: whose[i] ?? f.name })),
  };
}

function answerWhich(form: FormDefinition, state: FormState, message: string, options: FormDialogueOptions): FormTurn {
  const { correction } = state;
  const back = { ...state, stage: 'collect' as const, correction: undefined };
  if (!correction) return ask(form, back, options, '');
  const folded = foldForMatch(message);
  const fields = correction.candidates.map((name) => fieldOf(form, name));
  const prefix = personPrefix(form, folded.replace(/^(?:cua|of) /, ''));
  const number = /^\d$/.test(folded) ? fields[Number(folded) - 1] : undefined;
  const field = number ?? fields.find((f) => (prefix !== undefined && f.name.startsWith(`${prefix}.`)) || foldForMatch(f.group?.vi ?? '') === folded || foldForMatch(f.group?.en ?? '') === folded);
  if (!field) return correctOrRead(form, back, message, options);
  const read = readAnswer([field], correction.value, { form, today: options.today, values: state.values });
  const done = options.language === 'en' ? `Changed “${titleOf(field, 'en')}”. ` : `Đã sửa “${titleOf(field, 'vi')}”. `;
  return applyRead(form, back, read, options, [field], done);
}

/** Asks the first waiting confirmation, or the next fields, or shows the summary when nothing is missing. */
function ask(form: FormDefinition, state: FormState, options: FormDialogueOptions, prefix: string): FormTurn {
  const { language, today } = options;
  const pending = state.pending[0];
  if (pending) return { text: `${prefix}${composeConfirmation(form, pending, language)}`, state: { ...state, stage: 'confirm' }, choices: YES_NO(language, pending.kind === 'marks' ? (language === 'en' ? 'Keep as written' : 'Giữ nguyên') : undefined) };
  const required = requiredNow(form, state.values, today);
  const missing = fieldsToAsk(form).filter((f) => state.values[f.name] === undefined && !(state.skipped.includes(f.name) && !required.has(f.name)));
  if (missing.length === 0) {
    return {
      text: `${prefix}${composeSummary(form, state.values, language)}`,
      state: { ...state, stage: 'review', asking: [] },
      choices: [{ id: 'form:yes', label: language === 'en' ? 'Correct, save it' : 'Đúng, lưu tờ khai' }],
    };
  }
  const focused = state.focus ? missing.filter((f) => f.name.startsWith(`${state.focus}.`)) : [];
  const batch = nextBatch(focused.length > 0 ? focused : missing, required);
  const question = composeQuestion(form, batch, required, state.values, language);
  return {
    text: `${prefix}${question.text}`,
    state: { ...state, stage: 'collect', asking: batch.map((f) => f.name) },
    ...(question.canSkipAll ? { choices: [{ id: `form:say:${language === 'en' ? 'skip' : 'bỏ qua'}`, label: language === 'en' ? 'Skip' : 'Bỏ qua' }] } : {}),
  };
}
