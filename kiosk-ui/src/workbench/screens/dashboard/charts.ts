import { el } from '../../../shared/dom.js';
import { s } from '../../i18n/strings.js';
import { formatDay, formatNumber, formatShortDay } from '../../ui/format.js';
import { table, uniqueId } from '../../ui/widgets.js';

const SVG = 'http://www.w3.org/2000/svg';
// Drawn in a 560×230 box and scaled to the card's width: axis labels stay readable at the usual desktop sizes.
const WIDTH = 560;
const HEIGHT = 230;
const MARGIN = { top: 14, right: 12, bottom: 34, left: 46 };

/** An SVG element with attributes (never a style attribute: colours come from classes in admin.css). */
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, className?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (className) node.setAttribute('class', className);
  return node;
}

function text(x: number, y: number, content: string, className: string, anchor: 'start' | 'middle' | 'end' = 'middle'): SVGTextElement {
  const node = svg('text', { x, y, 'text-anchor': anchor }, className);
  node.textContent = content;
  return node;
}

/** A round upper bound for the axis (1, 2, 5 × 10^n). */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

export interface Series {
  title: string;
  days: string[];
  /** One value per day; null = no data that day (a rate with no questions). */
  values: (number | null)[];
  kind: 'bar' | 'line';
  /** Rates are 0–1 and shown as percentages on a fixed 0–100% axis. */
  percent?: boolean;
  /** The sentence a screen reader hears for the picture. */
  summary: string;
}

/** A bar or line chart with axes and labels, plus the same numbers as a table inside "Xem dạng bảng". */
export function renderChart(series: Series): HTMLElement {
  const figure = el('figure', `chart chart-${series.kind}`);
  const caption = el('figcaption', undefined, series.title);
  caption.id = uniqueId('cap');
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const numbers = series.values.map((v) => (v === null ? null : series.percent ? v * 100 : v));
  const max = series.percent ? 100 : niceMax(Math.max(0, ...numbers.filter((v): v is number => v !== null)));
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${caption.id} ${caption.id}-d`, focusable: 'false' }, 'chart-svg');
  const desc = svg('desc', { id: `${caption.id}-d` });
  desc.textContent = series.summary;
  root.append(desc);
  const y = (v: number) => MARGIN.top + plotH - (v / max) * plotH;
  const step = plotW / Math.max(1, series.days.length);

  // Horizontal grid and the y-axis labels at 0, half and the top.
  // Counts are whole numbers: no 2,5 on their axis.
  for (const tick of [0, max / 2, max].filter((v) => series.percent || Number.isInteger(v))) {
    root.append(svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick) }, tick === 0 ? 'axis' : 'grid'));
    root.append(text(MARGIN.left - 6, y(tick) + 4, series.percent ? `${Math.round(tick)}%` : formatNumber(Math.round(tick * 10) / 10), 'tick', 'end'));
  }
  // Day labels, thinned so at most ~10 fit.
  const every = Math.max(1, Math.ceil(series.days.length / 8));
  series.days.forEach((day, i) => {
    if (i % every === 0) root.append(text(MARGIN.left + step * i + step / 2, HEIGHT - MARGIN.bottom + 18, formatShortDay(day), 'tick'));
  });

  if (series.kind === 'bar') {
    numbers.forEach((v, i) => {
      const value = v ?? 0;
      const bar = svg('rect', { x: MARGIN.left + step * i + step * 0.15, y: y(value), width: Math.max(1, step * 0.7), height: Math.max(0, MARGIN.top + plotH - y(value)) }, 'bar');
      const tip = svg('title');
      tip.textContent = `${formatDay(series.days[i]!)}: ${formatNumber(value)}`;
      bar.append(tip);
      root.append(bar);
    });
  } else {
    // The line breaks on days without data instead of drawing them as zero.
    let d = '';
    let pen = false;
    numbers.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      const x = MARGIN.left + step * i + step / 2;
      d += `${pen ? 'L' : 'M'}${x.toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
      const dot = svg('circle', { cx: x, cy: y(v), r: 3 }, 'dot');
      const tip = svg('title');
      tip.textContent = `${formatDay(series.days[i]!)}: ${Math.round(v)}%`;
      dot.append(tip);
      root.append(dot);
    });
    if (d) root.insertBefore(svg('path', { d: d.trim() }, 'line'), root.querySelector('circle'));
  }

  const details = el('details', 'chart-table');
  details.append(
    el('summary', undefined, s.dashboard.table),
    table(series.title, [s.dashboard.day, s.dashboard.value], series.days.map((day, i) => {
      const v = numbers[i];
      return [formatDay(day), v === null || v === undefined ? s.empty : series.percent ? `${Math.round(v)}%` : formatNumber(v)];
    }), { hideCaption: true }),
  );
  figure.append(caption, root, details);
  return figure;
}
