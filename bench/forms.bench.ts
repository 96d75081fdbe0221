/**
 * `npm run bench:forms`: plays every scripted citizen of bench/forms/scenarios.ts through the pre-filling dialogue
 * and records the answering turns (every message from the consent to the final "đúng") in bench/forms-results.md.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getForm } from '../src/forms/index.js';
import { runScenario } from './forms/run-scenario.js';
import { FORM_SCENARIOS } from './forms/scenarios.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rows: string[] = [];
const transcripts: string[] = [];
let failed = false;
for (const scenario of FORM_SCENARIOS) {
  const run = runScenario(scenario);
  const title = getForm(scenario.formId)?.title.vi ?? scenario.formId;
  const within = scenario.target === undefined ? '—' : run.turns <= scenario.target ? `≤ ${scenario.target} ✓` : `≤ ${scenario.target} ✗`;
  if (run.failure || (scenario.target !== undefined && run.turns > scenario.target)) failed = true;
  rows.push(`| ${title} | ${scenario.name} | ${run.turns} | ${within} | ${run.failure ?? 'saved, valid'} |`);
  console.log(`${scenario.formId.padEnd(32)} ${scenario.name.padEnd(24)} ${String(run.turns).padStart(3)} turns  ${run.failure ?? 'ok'}`);
  if (scenario.formId === 'to-khai-khai-sinh') {
    const lines = run.transcript.map((t) => `${t.citizen ? `> ${t.citizen.replace(/\n/g, ' ⏎ ')}\n` : ''}${t.assistant}`).join('\n\n');
    transcripts.push(`### ${title} — ${scenario.name}\n\n\`\`\`text\n${lines}\n\`\`\``);
  }
}

const markdown = `# Pre-filling: answering turns per form

Recorded by \`npm run bench:forms\` (bench/forms.bench.ts). A scripted citizen (bench/forms/scenarios.ts) answers each
form the way the questions invite: several items in one message, "cùng địa chỉ" for a shared address, "đúng" to the
offers. An *answering turn* is one message from the citizen, from the consent to the final "đúng" that saves the
dossier; both are counted. Taps on a quick reply would count the same. The ward's settings are real (not the example):
"Kính gửi", "Làm tại" and today's date are filled from them and never asked. With the shipped example settings the
addressee is asked once more (one turn). The issue's targets apply to the birth registration: at most 12 typed, at
most 8 with the ID card's QR code. Before this work the same form took 21 answering turns and 3 taps.

| Form | Citizen | Answering turns | Target | Result |
|---|---|---|---|---|
${rows.join('\n')}

## Transcripts (birth registration)

${transcripts.join('\n\n')}
`;
writeFileSync(path.join(here, 'forms-results.md'), markdown);
if (failed) {
  console.error('a scenario did not end on a valid dossier within its target');
  process.exit(1);
}
