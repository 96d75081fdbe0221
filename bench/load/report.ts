/** Markdown for bench/load-results.md (full tables) and the "Load" section of bench/results.md (summary). */
import os from 'node:os';
import type { LoadResult, LoadSettings } from './scenario.js';
import { PLAN } from './script.js';
import type { Latency } from './stats.js';

export const TARGET = { n: 200, p95Ms: 250 } as const;
export const SECTION_HEADING = '## Load (`npm run bench:load`)';

export interface RunInfo {
  settings: LoadSettings;
  coldStartMs: number;
  warmStartsMs: number[];
  health: Record<string, unknown>;
  serverEnv: Record<string, string>;
  questions: number;
  totalS: number;
}

const f0 = (x: number) => x.toFixed(0);
const f1 = (x: number) => x.toFixed(1);
const ms = (l: Latency | undefined) => (l ? `${f1(l.p50)} / ${f1(l.p95)} / ${f1(l.p99)} / ${f0(l.max)}` : '—');
const list = (record: Record<string, number>) =>
  Object.entries(record).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';

export function machine(): string {
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${f0(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Above this, programs outside the benchmark took enough CPU to inflate the latencies: said next to the figures. */
export const SHARED_MACHINE_PERCENT = 25;

function sharedNote(results: readonly LoadResult[]): string {
  const busy = results.filter((r) => r.othersCpuPercent > SHARED_MACHINE_PERCENT);
  if (busy.length === 0) return `Other programs on the machine used under ${SHARED_MACHINE_PERCENT}% of a core during every level.`;
  return `**The machine was shared**: other programs (outside the benchmark) used ${busy.map((r) => `${f0(r.othersCpuPercent)}% of a core at N = ${r.n}`).join(', ')}, competing with the server and the generator for the ${os.cpus().length} cores; those levels' latencies are pessimistic.`;
}

export function verdict(results: readonly LoadResult[]): { met: boolean; text: string } {
  const at = results.find((r) => r.n === TARGET.n);
  if (!at) return { met: false, text: `not measured (N = ${TARGET.n} was not run)` };
  const met = at.tally.answers.p95 < TARGET.p95Ms && at.tally.errors === 0;
  return {
    met,
    text: `${met ? '**met**' : '**not met**'}: at N = ${TARGET.n}, answer p95 ${f1(at.tally.answers.p95)} ms (target < ${TARGET.p95Ms}), ${at.tally.errors} errors (target 0)`,
  };
}

function setup(info: RunInfo): string[] {
  const s = info.settings;
  return [
    `Each N runs against a fresh server child (\`node --import tsx src/main.ts\`, loopback only, \`LOG_LEVEL=warn\`, no model: dense index \`${JSON.stringify(info.health.dense)}\`, ${String(info.health.entries)} entries) on one DATA_DIR made warm by a cold start beforehand (cold ${f1(info.coldStartMs / 1000)} s; warm starts ${info.warmStartsMs.map((m) => f1(m / 1000)).join(', ')} s to \`/healthz\` ok).`,
    `Server settings: ${Object.entries(info.serverEnv).map(([k, v]) => `\`${k}=${v}\``).join(', ')}. **The rate limits are raised** because every simulated citizen connects from 127.0.0.1 (the per-address limit of 120/min would throttle all N together) and the think time below lets a citizen send up to 60 messages a minute (default 20 per connection); the limits themselves are not under test.`,
    `Citizens: ramped evenly over ${s.rampMs / 1000} s, talking until ${(s.rampMs + s.windowMs) / 1000} s after the first one arrived, then stopping (no message sent after that); think time **uniformly ${s.thinkMinMs / 1000}–${s.thinkMaxMs / 1000} s** before every frame except the opening hello (faster than real typing: a harsh load); at most ${s.maxMessagesPerCitizen} frames per citizen; a reply slower than ${s.timeoutMs / 1000} s counts as a timeout error.`,
    `Conversation (one WebSocket each, as the widget does; a citizen starts another when one ends): hello → a question (${info.questions} in-scope questions of bench/calibration.jsonl + bench/holdout.jsonl) → a typed follow-up ("còn lệ phí thì sao?", "mất bao lâu?", "nộp ở đâu?") → with p = ${PLAN.secondQuestion} a second question (then a follow-up with p = ${PLAN.followUpAfterSecond}) → with p = ${PLAN.form} the birth-registration form: \`{type:'form', formId:'to-khai-khai-sinh'}\` → "đồng ý" → ${PLAN.formAnswersMin}–${PLAN.formAnswersMax} answers → "hủy" → \`end\`. Seeded: same N, same conversations.`,
    `Latency = send of a frame → its \`answer\` frame, measured in the generator (so it includes the generator's own event-loop delay, reported). Throughput = answers / wall time of the level. CPU shares are % of one core over the level's wall time: server from /proc/<pid>/stat, generator from process.cpuUsage(); both share this machine's ${os.cpus().length} cores. Server RSS sampled from /proc/<pid>/status every second (VmHWM is the kernel's peak).`,
  ];
}

export function loadResultsMarkdown(results: readonly LoadResult[], info: RunInfo): string {
  const labels = ['question', 'followup', 'form-start', 'form-consent', 'form-answer', 'form-cancel', 'hello', 'end'] as const;
  return [
    '# Load benchmark (`npm run bench:load`)',
    '',
    `Machine: ${machine()}. Run ${new Date().toISOString().slice(0, 16)}Z, ${f0(info.totalS)} s in all.`,
    '',
    ...setup(info).flatMap((line) => [line, '']),
    `Target without a model: ${TARGET.n} concurrent sessions at answer p95 < ${TARGET.p95Ms} ms with zero errors — ${verdict(results).text}.`,
    '',
    sharedNote(results),
    '',
    '| N | wall s | conversations (completed) | frames | answers | answers/s | answer p50 / p95 / p99 / max ms | errors | server peak RSS MB (VmHWM) | server CPU % (peak 1 s) | generator CPU % | generator loop delay p99 / max ms | other programs CPU % | iowait % | load avg |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.n} | ${f1(r.wallS)} | ${r.conversations} (${r.completed}) | ${r.tally.frames} | ${r.tally.answers.count} | ${f1(r.answersPerS)} | ${ms(r.tally.answers)} | ${r.tally.errors} | ${f0(r.server.peakRssMb)} (${f0(r.server.hwmMb)}) | ${f0(r.server.cpuPercent)} (${f0(r.server.peakCpuPercent)}) | ${f0(r.generator.cpuPercent)} | ${f1(r.generator.loopDelayP99Ms)} / ${f0(r.generator.loopDelayMaxMs)} | ${f0(r.othersCpuPercent)} | ${f0(r.machine.iowaitPercent)} | ${r.machine.loadAverage.toFixed(2)} |`,
    ),
    '',
    ...results.flatMap((r) => [
      `### N = ${r.n}`,
      '',
      '| frame | count | p50 / p95 / p99 / max ms |',
      '|---|---|---|',
      ...labels.map((l) => `| ${l} | ${r.tally.byLabel[l]?.count ?? 0} | ${ms(r.tally.byLabel[l])} |`),
      '',
      `Errors: ${list(r.tally.errorsBy)}. Replies to questions by kind: ${list(r.tally.questionKinds)}. Consent replies not leading to the form's questions: ${r.tally.formOffTrack}. Server warn/error log lines during the level: ${r.serverWarnLines}. Server mean RSS ${f0(r.server.meanRssMb)} MB over ${r.server.samples} samples; generator peak RSS so far ${f0(r.generator.peakRssMb)} MB.`,
      '',
    ]),
  ].join('\n');
}

export function resultsSection(results: readonly LoadResult[], info: RunInfo): string {
  const v = verdict(results);
  const s = info.settings;
  return [
    SECTION_HEADING,
    '',
    `Target without a model: ${TARGET.n} concurrent sessions at answer p95 < ${TARGET.p95Ms} ms with zero errors — ${v.text}.`,
    '',
    sharedNote(results),
    '',
    `N WebSocket citizens on loopback against the service run as a child process (warm start), each having whole conversations — question, typed follow-up, sometimes a second question, for ${PLAN.form * 100}% the birth-registration form (consent, a few answers, cancel) — with **${s.thinkMinMs / 1000}–${s.thinkMaxMs / 1000} s think time** (uniform) before each message, ramped over ${s.rampMs / 1000} s, ${(s.rampMs + s.windowMs) / 1000} s per level. Rate limits raised for the run (all citizens share 127.0.0.1). Machine: ${machine()}. Full tables and method: [load-results.md](load-results.md).`,
    '',
    '| N | answers/s | answer p50 / p95 / p99 ms | errors | server peak RSS MB | server CPU % of a core | generator CPU % of a core | other programs CPU % |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.n} | ${f1(r.answersPerS)} | ${f1(r.tally.answers.p50)} / ${f1(r.tally.answers.p95)} / ${f1(r.tally.answers.p99)} | ${r.tally.errors}${r.tally.errors ? ` (${list(r.tally.errorsBy)})` : ''} | ${f0(Math.max(r.server.peakRssMb, r.server.hwmMb))} | ${f0(r.server.cpuPercent)} | ${f0(r.generator.cpuPercent)} | ${f0(r.othersCpuPercent)} |`,
    ),
    '',
  ].join('\n');
}

/** Replaces a section (the Load one of results.md by default) up to the next `## `, else appends it; others untouched. */
export function upsertSection(document: string, section: string, heading: string = SECTION_HEADING): string {
  const start = document.indexOf(heading);
  if (start === -1) return `${document.replace(/\n*$/, '\n\n')}${section}`;
  const next = document.indexOf('\n## ', start + heading.length);
  const tail = next === -1 ? '' : document.slice(next + 1);
  return `${document.slice(0, start)}${section}${tail ? `\n${tail}` : ''}`;
}
