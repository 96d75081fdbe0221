import { el } from '../../../shared/dom.js';
import { api, apiUrl } from '../../api/client.js';
import { titleText, type Stats } from '../../api/types.js';
import { s } from '../../i18n/strings.js';
import { replaceQuery, type View } from '../../router.js';
import { formatDay, formatNumber, formatRate } from '../../ui/format.js';
import { input, labelled, link, loadFiltered, loadingNote, messageArea, section } from '../../ui/widgets.js';
import { renderChart } from './charts.js';

/** `#/dashboard`: questions, answer rate, hand-overs and dossiers per day for a date range, top procedures, CSV. */
export function renderDashboard(view: View): void {
  view.heading(s.dashboard.title);
  const form = el('form', 'card filters');
  const from = input('from', 'date', view.query.get('from') ?? '');
  const to = input('to', 'date', view.query.get('to') ?? '');
  const submit = el('button', 'btn primary', s.dashboard.show);
  submit.type = 'submit';
  const csv = link(s.dashboard.csv, apiUrl('/stats.csv'), 'btn csv');
  csv.setAttribute('download', '');
  form.append(labelled(s.dashboard.from, from), labelled(s.dashboard.to, to), submit, csv);
  const message = messageArea();
  const body = el('div', 'dashboard');
  view.main.append(form, message.node, body);

  const load = async () => {
    if (from.value && to.value && from.value > to.value) {
      message.show(s.dashboard.badRange, 'error');
      return;
    }
    message.clear();
    const range = { from: from.value, to: to.value };
    replaceQuery('/dashboard', range);
    csv.href = apiUrl('/stats.csv', range);
    body.replaceChildren(loadingNote());
    const stats = await api.get<Stats>('/stats', range, view.signal);
    if (view.signal.aborted) return;
    // Show the range the server chose (the last 30 ward days by default) in the inputs and the CSV link.
    from.value ||= stats.from;
    to.value ||= stats.to;
    csv.href = apiUrl('/stats.csv', { from: stats.from, to: stats.to });
    body.replaceChildren(renderStats(stats));
  };
  loadFiltered(form, { body, message, signal: view.signal }, load);
}

function renderStats(stats: Stats): HTMLElement {
  const wrap = el('div', 'stats');
  wrap.append(el('p', 'muted', s.dashboard.range(formatDay(stats.from), formatDay(stats.to))));
  wrap.append(renderTotals(stats));
  const days = stats.days.map((d) => d.day);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const count = (title: string, values: number[]) =>
    renderChart({ title, days, values, kind: 'bar', summary: s.dashboard.chartSummary(title, formatNumber(Math.max(0, ...values)), formatNumber(sum(values))) });
  // Rates may come as 0–1 or as percentages; the chart wants 0–1.
  // A day without questions has no rate (the API sends 0): the line breaks there instead of dropping to 0%.
  const rawRates = stats.days.map((d) => (d.answerRate === null || d.answerRate === undefined || !d.questions ? null : d.answerRate));
  const asFraction = rawRates.some((r) => r !== null && r > 1);
  const rates = rawRates.map((r) => (r === null ? null : asFraction ? r / 100 : r));
  const known = rates.filter((r): r is number => r !== null);
  const average = known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
  const grid = el('div', 'charts');
  grid.append(
    count(s.dashboard.questions, stats.days.map((d) => d.questions ?? 0)),
    renderChart({ title: s.dashboard.answerRate, days, values: rates, kind: 'line', percent: true, summary: s.dashboard.rateSummary(s.dashboard.answerRate, formatRate(average)) }),
    count(s.dashboard.handovers, stats.days.map((d) => d.handovers ?? 0)),
    count(s.dashboard.dossiers, stats.days.map((d) => d.dossiers ?? 0)),
  );
  wrap.append(grid);
  const top = section(s.dashboard.top, 'card top');
  if (!stats.topProcedures?.length) top.node.append(el('p', 'muted', s.dashboard.topEmpty));
  else {
    const list = el('ol', 'top-list');
    for (const item of stats.topProcedures) {
      const li = el('li');
      li.append(link(titleText(item.title, item.id), `#/entries/${encodeURIComponent(item.id)}`), el('span', 'muted', ` — ${formatNumber(item.count)}`));
      list.append(li);
    }
    top.node.append(list);
  }
  wrap.append(top.node);
  return wrap;
}

function renderTotals(stats: Stats): HTMLElement {
  const dl = el('dl', 'totals');
  for (const [key, value] of Object.entries(stats.totals ?? {})) {
    const label = s.dashboard.totalsLabels[key] ?? key;
    const shown = key.toLowerCase().includes('rate') ? formatRate(value) : value === null ? s.empty : formatNumber(value);
    const item = el('div', 'total');
    item.append(el('dt', undefined, label), el('dd', undefined, shown));
    dl.append(item);
  }
  return dl;
}
