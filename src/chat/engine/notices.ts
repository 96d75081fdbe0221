import type { Language } from '../../text/index.js';

/** The confirmation once a pre-filled dossier is stored. */
export function composeDossierSaved(reference: string, language: Language): string {
  return language === 'en'
    ? `Saved. Your dossier code is ${reference}. Press “Print the form” (or save it as a PDF), check it, and bring it with your papers to the one-stop desk; the official will sign it off with you. The print link works for 15 minutes.`
    : `Đã lưu tờ khai. Mã hồ sơ của bạn là ${reference}. Bạn bấm “In tờ khai” (hoặc lưu thành PDF), kiểm tra lại và mang cùng giấy tờ đến bộ phận một cửa; cán bộ sẽ đối chiếu và hướng dẫn bạn ký. Liên kết in dùng được trong 15 phút.`;
}

/** Said when the confirmed dossier could not be stored: what was entered is kept, and trying again is one tap. */
export function composeDossierNotSaved(language: Language): string {
  return language === 'en'
    ? 'Sorry, the system cannot save your form right now. What you entered is still here: choose “Try again” in a few minutes, or bring your papers to the one-stop desk and an official will help you.'
    : 'Xin lỗi, hệ thống tạm thời chưa lưu được tờ khai của bạn. Thông tin bạn đã khai vẫn còn đây: sau ít phút bạn chọn “Thử lưu lại”, hoặc mang giấy tờ đến bộ phận một cửa để cán bộ hướng dẫn.';
}

