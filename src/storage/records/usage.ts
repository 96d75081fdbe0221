/**
 * Usage counters per ward day for the dashboard: no personal data, and not purged with conversations, so the
 * dashboard can show months. Metrics: `question`, `answered`, `declined`, `handover`, `dossier`, `procedure`
 * (key = entry id), `feedback.up`, `feedback.down`.
 */
export interface UsageCount {
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh. */
  day: string;
  metric: string;
  /** '' when the metric has no key. */
  key: string;
  count: number;
}

export interface UsageRepository {
  /** Adds to today's (Asia/Ho_Chi_Minh) counters. */
  record(events: { metric: string; key?: string; count?: number }[]): Promise<void>;
  /** Counters of the ward days `from`..`to` inclusive (YYYY-MM-DD), by day then metric then key. */
  list(range: { from: string; to: string }): Promise<UsageCount[]>;
}
