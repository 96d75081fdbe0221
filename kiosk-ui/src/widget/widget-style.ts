/** The widget's stylesheet, scoped by its shadow root so the host page's CSS cannot reach it (nor it the page). */
export function buildWidgetStyle(color: string, onColor: string, side: 'left' | 'right'): string {
  return `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
.launcher { position: fixed; bottom: 20px; ${side}: 20px; z-index: 2147483646; min-width: 64px; min-height: 64px; border-radius: 32px;
  border: 2px solid ${onColor}; background: ${color}; color: ${onColor}; font-size: 18px; font-weight: 700; padding: 0 20px; cursor: pointer; box-shadow: 0 4px 14px rgb(0 0 0 / 30%); }
.panel { position: fixed; bottom: 96px; ${side}: 20px; z-index: 2147483647; width: min(400px, calc(100vw - 40px)); height: min(600px, calc(100vh - 120px));
  display: flex; flex-direction: column; background: #ffffff; color: #1a1a1a; border: 1px solid #6b7280; border-radius: 14px; overflow: hidden; font-size: 18px; line-height: 1.45; box-shadow: 0 8px 30px rgb(0 0 0 / 35%); }
.panel[hidden], [hidden] { display: none !important; }
header { display: flex; align-items: center; justify-content: space-between; padding: 10px 14px; background: ${color}; color: ${onColor}; }
header h2 { margin: 0; font-size: 18px; }
.close { background: transparent; color: ${onColor}; border: 2px solid ${onColor}; border-radius: 8px; font-size: 16px; min-width: 44px; min-height: 44px; cursor: pointer; }
.log { list-style: none; margin: 0; padding: 12px; flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 10px; }
.msg { padding: 8px 12px; border-radius: 10px; border: 1px solid #9ca3af; background: #ffffff; }
.msg.citizen { align-self: flex-end; background: #e8eef6; }
.msg.error { border-color: #8a2300; color: #8a2300; }
.msg p { margin: 0; white-space: pre-line; }
.cite { margin-top: 6px; font-size: 15px; }
.cite a { color: #0b4f8a; }
.buttons { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.btn { font: inherit; font-size: 16px; min-height: 44px; padding: 4px 12px; border-radius: 8px; border: 2px solid #0b4f8a; background: #ffffff; color: #0b4f8a; cursor: pointer; }
a.btn.print { display: inline-flex; align-items: center; margin-top: 8px; text-decoration: none; font-weight: bold; }
.print-note { font-size: 14px; margin: 4px 0 0; }
form { display: flex; gap: 6px; padding: 10px; border-top: 1px solid #9ca3af; }
label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
input { flex: 1; font: inherit; min-height: 48px; padding: 4px 10px; border: 2px solid #1a1a1a; border-radius: 8px; color: #1a1a1a; background: #ffffff; }
.send { background: #0b4f8a; color: #ffffff; }
.read-aloud { display: block; margin-top: 8px; font-weight: 700; }
.read-aloud[aria-pressed="true"] { background: #0b4f8a; color: #ffffff; }
.msg.notice { border-color: #0b4f8a; background: #eef4fb; }
.callback { margin-top: 10px; }
form.callback-form { display: block; padding: 10px 0 0; border-top: 1px solid #9ca3af; margin-top: 8px; }
.callback-form p { margin: 0 0 8px; }
.callback-form label { position: static; width: auto; height: auto; overflow: visible; clip: auto; display: block; font-weight: 700; margin-bottom: 4px; }
.callback-field { margin-bottom: 10px; }
.callback-field input { width: 100%; }
.callback-consent { display: flex; gap: 10px; align-items: flex-start; margin-bottom: 6px; }
.callback-consent input { flex: none; width: 28px; height: 28px; min-height: 28px; margin: 2px 0 0; }
.callback-consent label { font-weight: 400; font-size: 16px; }
.field-error { color: #8a2300; font-weight: 700; font-size: 16px; margin: 4px 0 0; }
.callback-form .send { width: 100%; margin-top: 6px; }
.callback-status { font-size: 16px; margin-top: 6px; }
.callback-done { margin: 0; font-weight: 700; }
input:disabled, button:disabled { opacity: .6; cursor: not-allowed; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #1a1a1a; }
`;
}

/** Black or white, whichever reads better on `hex` (so any data-color stays WCAG AA). */
export function pickTextColor(hex: string): string {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex.slice(0, 7);
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}
