import type { UsageCount } from '../../storage/types.js';

export interface DayStats {
  day: string;
  questions: number;
  answered: number;
  declined: number;
  /** answered / questions, 0–1 (0 on a day without questions). */
  answerRate: number;
  handovers: number;
  dossiers: number;
  feedbackUp: number;
  feedbackDown: number;
}

export interface UsageReport {
  from: string;
  to: string;
  days: DayStats[];
  topProcedures: { id: string; count: number }[];
  totals: Omit<DayStats, 'day'>;
}

const METRIC_FIELDS: Record<string, keyof Omit<DayStats, 'day' | 'answerRate'>> = {
  question: 'questions',
  answered: 'answered',
  declined: 'declined',
  handover: 'handovers',
  dossier: 'dossiers',
  'feedback.up': 'feedbackUp',
  'feedback.down': 'feedbackDown',
};

/** Every YYYY-MM-DD from `from` to `to` inclusive (calendar days, no time zone involved). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && days.length < 1000; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

function emptyDay(day: string): DayStats {
  return { day, questions: 0, answered: 0, declined: 0, answerRate: 0, handovers: 0, dossiers: 0, feedbackUp: 0, feedbackDown: 0 };
}

const rate = (answered: number, questions: number) => (questions > 0 ? Math.round((answered / questions) * 1000) / 1000 : 0);

/** Turns raw counters into one row per day (days without activity as zeros), totals and the top procedures. */
export function buildUsageReport(from: string, to: string, counts: readonly UsageCount[], topLimit = 10): UsageReport {
  const byDay = new Map(daysBetween(from, to).map((day) => [day, emptyDay(day)]));
  const procedures = new Map<string, number>();
  for (const { day, metric, key, count } of counts) {
    if (metric === 'procedure') {
      procedures.set(key, (procedures.get(key) ?? 0) + count);
      continue;
    }
    const field = METRIC_FIELDS[metric];
    const row = byDay.get(day);
    if (field && row) row[field] += count;
  }
  const days = [...byDay.values()].map((row) => ({ ...row, answerRate: rate(row.answered, row.questions) }));
  const totals = emptyDay('');
  for (const row of days) for (const field of Object.values(METRIC_FIELDS)) totals[field] += row[field];
  const { day: _day, ...rest } = { ...totals, answerRate: rate(totals.answered, totals.questions) };
  return {
    from,
    to,
    days,
    topProcedures: [...procedures.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, topLimit).map(([id, count]) => ({ id, count })),
    totals: rest,
  };
}

const CSV_COLUMNS: [keyof DayStats, string][] = [
  ['day', 'Ngày'],
  ['questions', 'Câu hỏi'],
  ['answered', 'Đã trả lời'],
  ['declined', 'Chưa trả lời được'],
  ['answerRate', 'Tỉ lệ trả lời'],
  ['handovers', 'Chuyển cán bộ'],
  ['dossiers', 'Tờ khai điền sẵn'],
  ['feedbackUp', 'Hài lòng'],
  ['feedbackDown', 'Chưa hài lòng'],
];

/** The report as CSV, one line per day, with a BOM so spreadsheet programs read the Vietnamese headers. */
export function usageReportCsv(report: UsageReport): string {
  const escape = (value: string | number) => {
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [CSV_COLUMNS.map(([, header]) => escape(header)).join(',')];
  for (const row of report.days) lines.push(CSV_COLUMNS.map(([field]) => escape(row[field])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
