/**
 * Removes what may identify a person from a question before it is kept for officials (the gaps inbox):
 * ID and phone numbers, e-mail addresses, dates of birth, and the QR string of an ID card.
 * Names cannot be recognised reliably, which is why gap questions are also shown only to officials.
 */
export function redactPersonalData(text: string): string {
  return text
    .replace(/\b\d{9,12}\|[^\n]*/g, '[mã QR]')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
    .replace(/(\+?84|0)[\s.-]?\d{2,3}[\s.-]?\d{3}[\s.-]?\d{3,4}\b/g, '[số điện thoại]')
    .replace(/\b\d{9}(\d{3})?\b/g, '[số giấy tờ]')
    .replace(/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, '[ngày]');
}
