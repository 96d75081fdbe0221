import type { Language } from '../shared/frames.js';

export type { Language };

const STRINGS = {
  vi: {
    skip: 'Đến ô câu hỏi', brand: 'Trợ lý Phường', toolsLabel: 'Tùy chọn hiển thị',
    smallerLabel: 'Chữ nhỏ hơn', biggerLabel: 'Chữ to hơn', contrast: 'Tương phản cao', restart: 'Bắt đầu lại',
    handover: 'Gặp cán bộ', welcome: 'Xin chào! Tôi có thể giúp gì cho bạn?',
    startHint: 'Chạm vào một thủ tục hay gặp, hoặc gõ câu hỏi ở ô bên dưới.', chatTitle: 'Cuộc trò chuyện',
    typing: 'Đang trả lời…', ask: 'Bạn cần làm thủ tục gì?', send: 'Gửi', ticketTitle: 'Số thứ tự của bạn', close: 'Đóng',
    idleTitle: 'Bạn còn đang dùng không?', idleStay: 'Tôi vẫn đang dùng', you: 'Bạn', assistant: 'Trợ lý',
    sources: 'Nguồn', code: 'Mã thủ tục', scan: 'Quét mã để mở trang thủ tục trên điện thoại', helpful: 'Có ích',
    notHelpful: 'Chưa có ích', thanks: 'Cảm ơn bạn đã góp ý.', agree: 'Đồng ý', decline: 'Không',
    reference: 'Mã hồ sơ', print: 'In tờ khai', back: 'Quay lại', showPrint: 'Xem và in tờ khai',
    printViewTitle: 'Tờ khai để in', printHint: 'Kiểm tra tờ khai rồi bấm “In tờ khai”. Mang bản in đến bộ phận một cửa.', empty: '—', asking: 'đang hỏi', langSwitch: 'English',
    keyboard: 'Bàn phím', keyboardLabel: 'Bàn phím ảo', backspace: 'Xóa lùi', space: 'Dấu cách', slash: 'Dấu gạch chéo',
    toneSac: 'dấu sắc', toneHuyen: 'dấu huyền', toneHoi: 'dấu hỏi', toneNga: 'dấu ngã', toneNang: 'dấu nặng',
    ticketCounter: 'Mời đến', ticketWait: 'Thời gian chờ', ticketPrint: 'In phiếu số thứ tự',
    ticketKept: 'Số của bạn vẫn hiện ở đầu màn hình cho đến khi bạn xong việc.', ticketAnyCounter: 'Cán bộ sẽ gọi số của bạn',
    ticketNext: 'Bạn là người tiếp theo', ticketCalled: 'Đến lượt bạn! Mời bạn đến quầy', confirmTitle: 'Bắt đầu lại từ đầu?', confirmStay: 'Không, tiếp tục',
    confirmWipe: 'Xóa hết và bắt đầu lại',
    confirmForm: 'Tờ khai bạn đang điền sẽ bị xóa.', confirmTicket: 'Số thứ tự của bạn sẽ không còn trên màn hình (hãy ghi lại hoặc in phiếu trước).',
    counterText: (n: number) => `Quầy số ${n}`,
    waitText: (ahead: number, minutes: number) => `Trước bạn ${ahead} người, khoảng ${minutes} phút`,
    slipTime: (time: string) => `Lấy số lúc ${time}`,
    idleText: (s: number) => `Màn hình sẽ được xóa sau ${s} giây để bảo vệ thông tin của bạn.`,
  },
  en: {
    skip: 'Skip to the question box', brand: 'Ward Assistant', toolsLabel: 'Display options',
    smallerLabel: 'Smaller text', biggerLabel: 'Bigger text', contrast: 'High contrast', restart: 'Start over',
    handover: 'See an official', welcome: 'Hello! How can I help you?',
    startHint: 'Tap a common procedure, or type your question below.', chatTitle: 'Conversation',
    typing: 'Answering…', ask: 'Which procedure do you need?', send: 'Send', ticketTitle: 'Your queue number', close: 'Close',
    idleTitle: 'Are you still there?', idleStay: 'I am still here', you: 'You', assistant: 'Assistant',
    sources: 'Sources', code: 'Procedure code', scan: 'Scan to open the procedure page on your phone', helpful: 'Helpful',
    notHelpful: 'Not helpful', thanks: 'Thank you for your feedback.', agree: 'I agree', decline: 'No',
    reference: 'Dossier reference', print: 'Print the form', back: 'Back', showPrint: 'View and print the form',
    printViewTitle: 'Form to print', printHint: 'Check the form, then press “Print the form”. Bring the printout to the one-stop desk.', empty: '—', asking: 'being asked', langSwitch: 'Tiếng Việt',
    keyboard: 'Keyboard', keyboardLabel: 'On-screen keyboard', backspace: 'Backspace', space: 'Space', slash: 'Slash',
    toneSac: 'acute tone (sắc)', toneHuyen: 'grave tone (huyền)', toneHoi: 'hook tone (hỏi)', toneNga: 'tilde tone (ngã)',
    toneNang: 'dot-below tone (nặng)',
    ticketCounter: 'Go to', ticketWait: 'Waiting time', ticketPrint: 'Print my number',
    ticketKept: 'Your number stays at the top of the screen until you are done.', ticketAnyCounter: 'An official will call your number',
    ticketNext: 'You are next', ticketCalled: 'It is your turn! Please go to the counter', confirmTitle: 'Start over?', confirmStay: 'No, continue', confirmWipe: 'Clear everything and start over',
    confirmForm: 'The form you are filling in will be deleted.', confirmTicket: 'Your queue number will no longer be on the screen (note it or print it first).',
    counterText: (n: number) => `Counter ${n}`,
    waitText: (ahead: number, minutes: number) => `${ahead} ${ahead === 1 ? 'person' : 'people'} ahead of you, about ${minutes} minutes`,
    slipTime: (time: string) => `Taken at ${time}`,
    idleText: (s: number) => `The screen will be cleared in ${s} seconds to protect your information.`,
  },
} as const;

export type StringKey = { [K in keyof (typeof STRINGS)['vi']]: (typeof STRINGS)['vi'][K] extends string ? K : never }[keyof (typeof STRINGS)['vi']];

/** The most asked procedures at a ward counter, as start-screen buttons (entry ids of the knowledge base). */
export const QUICK_PROCEDURES: { id: string; vi: string; en: string }[] = [
  { id: 'dang-ky-khai-sinh', vi: 'Khai sinh', en: 'Birth registration' },
  { id: 'dang-ky-tam-tru', vi: 'Tạm trú', en: 'Temporary residence' },
  { id: 'cap-the-can-cuoc', vi: 'Căn cước', en: 'Identity card' },
  { id: 'chung-thuc-ban-sao', vi: 'Chứng thực bản sao', en: 'Certified copies' },
  { id: 'dang-ky-ket-hon', vi: 'Kết hôn', en: 'Marriage registration' },
  { id: 'dang-ky-thuong-tru', vi: 'Thường trú', en: 'Permanent residence' },
];

/** A UI string in the chosen language. */
export function t(language: Language, key: StringKey): string {
  return STRINGS[language][key];
}

/** The idle warning sentence with its countdown. */
export function idleText(language: Language, seconds: number): string {
  return STRINGS[language].idleText(seconds);
}

/** The counter a ticket is called to ("Quầy số 2"). */
export function counterText(language: Language, counter: number): string {
  return STRINGS[language].counterText(counter);
}

/** The people ahead and the estimated wait of a ticket. */
export function waitText(language: Language, ahead: number, minutes: number): string {
  return ahead === 0 ? t(language, 'ticketNext') : STRINGS[language].waitText(ahead, minutes);
}

/** The time printed on a ticket slip. */
export function slipTime(language: Language, time: string): string {
  return STRINGS[language].slipTime(time);
}

/** Re-labels every [data-i18n] / [data-i18n-label] element under `root`. */
export function applyLanguage(root: ParentNode, language: Language): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(language, node.dataset.i18n as StringKey);
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) node.setAttribute('aria-label', t(language, node.dataset.i18nLabel as StringKey));
}
