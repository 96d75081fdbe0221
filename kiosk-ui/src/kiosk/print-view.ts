import { button, el } from '../shared/dom.js';
import { t, type Language } from './i18n.js';
import './print-view.css';

/**
 * The A4 page of a saved dossier inside the kiosk page (docs/kiosk-ui.md, "Printing"): a frame of the short-lived
 * print link with two big buttons, "In tờ khai" (the browser's print of that frame only) and "Quay lại". Nothing
 * opens in another window, so the idle wipe and "Bắt đầu lại" remove it with everything else.
 */
export function openPrintView(printUrl: string, language: Language, onClose: () => void = () => undefined): void {
  closePrintView();
  const view = el('div', 'print-view');
  view.id = 'print-view';
  view.setAttribute('role', 'dialog');
  view.setAttribute('aria-modal', 'true');
  view.setAttribute('aria-label', t(language, 'printViewTitle'));
  const frame = el('iframe', 'print-sheet');
  frame.title = t(language, 'printViewTitle');
  // The kiosk has its own buttons: the page is asked for without its toolbar.
  frame.src = `${printUrl}${printUrl.includes('?') ? '&' : '?'}view=embed`;
  const printButton = button(t(language, 'print'), () => frame.contentWindow?.print(), 'btn primary print-now');
  const back = button(t(language, 'back'), () => {
    closePrintView();
    onClose();
  }, 'btn back');
  const bar = el('div', 'print-bar');
  bar.append(printButton, back, el('p', 'print-hint', t(language, 'printHint')));
  view.append(bar, frame);
  document.body.append(view);
  printButton.focus();
}

/** Removes the print view, its frame and the link it held (idle wipe, "Bắt đầu lại", "Quay lại"). */
export function closePrintView(): void {
  document.getElementById('print-view')?.remove();
}

/** True while the print view is on screen. */
export function isPrintViewOpen(): boolean {
  return document.getElementById('print-view') !== null;
}
