import { createHash } from 'node:crypto';

/**
 * Print CSS of the dossier page. A4 with 15 mm margins, as the one-stop counter's printers and the official forms use;
 * system serif fonts that carry Vietnamese diacritics (no web fonts: the page must render with no network).
 */
export const PRINT_STYLES = `
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body { margin: 0; font-family: "Times New Roman", "Tinos", "Noto Serif", "DejaVu Serif", "Liberation Serif", serif;
  font-size: 13pt; line-height: 1.45; }
.sheet { max-width: 180mm; margin: 0 auto; }
.legal-basis { text-align: right; font-size: 9pt; font-style: italic; margin: 0 0 2mm; }
.national { text-align: center; font-weight: bold; margin: 0 0 6mm; }
.national .motto { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 1px; font-size: 13pt; }
h1 { text-align: center; font-size: 15pt; margin: 0 0 4mm; }
.addressee { display: flex; justify-content: center; align-items: baseline; gap: 1.5mm; margin: 0 0 5mm; }
.addressee .value { font-weight: bold; }
.addressee .blank { flex: 0 0 110mm; border-bottom: 1px dotted #000; min-height: 1.1em; }
h2 { font-size: 13pt; margin: 4mm 0 1mm; }
.field { display: flex; align-items: baseline; gap: 1.5mm; margin: 0.5mm 0; break-inside: avoid; }
.field .label { flex: none; max-width: 60%; }
.field .value { flex: 1; font-weight: bold; }
.field .blank { flex: 1; border-bottom: 1px dotted #000; min-height: 1.1em; }
.declaration { margin: 5mm 0 2mm; text-align: justify; }
.place-date { text-align: right; font-style: italic; margin: 3mm 0; }
.signatures { display: flex; justify-content: space-around; gap: 10mm; margin-top: 2mm; break-inside: avoid; }
.signature { text-align: center; min-width: 60mm; }
.signature .role { font-weight: bold; }
.signature .hint { font-style: italic; font-size: 11pt; }
.signature .space { height: 24mm; }
.signature .name { font-weight: bold; }
.reference-box { display: flex; align-items: center; gap: 5mm; border: 1px solid #000; padding: 3mm; margin-top: 8mm;
  break-inside: avoid; }
.reference-box .code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 16pt; font-weight: bold;
  letter-spacing: 0.5pt; }
.reference-box .note { font-size: 10.5pt; font-style: italic; }
.reference-box .created { font-size: 10.5pt; }
@media screen { body { padding: 10mm; background: #eee; } .sheet { background: #fff; padding: 15mm; } }
.toolbar { max-width: 180mm; margin: 0 auto 6mm; display: flex; flex-wrap: wrap; gap: 4mm; align-items: center;
  font-family: system-ui, "Noto Sans", "DejaVu Sans", sans-serif; font-size: 16px; }
.toolbar button { font: inherit; font-size: 20px; font-weight: bold; padding: 12px 24px; border-radius: 8px;
  border: 2px solid #0b4f8a; background: #0b4f8a; color: #fff; cursor: pointer; }
.toolbar p { margin: 0; }
.notice { max-width: 150mm; margin: 20mm auto; font-family: system-ui, "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 18px; line-height: 1.5; background: #fff; padding: 10mm; border-radius: 8px; }
.notice h1 { text-align: left; font-size: 24px; }
@media print { .toolbar { display: none; } }
`;

/**
 * The CSP source that allows exactly this inline stylesheet (`'sha256-…'`): the print page stays one self-contained
 * file while the server's policy forbids every other inline style.
 */
export const PRINT_STYLES_CSP_HASH = `'sha256-${createHash('sha256').update(PRINT_STYLES, 'utf8').digest('base64')}'`;
