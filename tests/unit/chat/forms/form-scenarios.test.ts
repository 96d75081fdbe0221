import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../bench/forms/run-scenario.js';
import { FORM_SCENARIOS } from '../../../../bench/forms/scenarios.js';

// The bench's scripted citizens (bench/forms-results.md): every form ends on a valid dossier, within the issue's
// targets for the birth registration (≤ 12 answering turns typed, ≤ 8 with the ID card's QR code).
describe('scripted citizens fill every form', () => {
  it.each(FORM_SCENARIOS.map((s) => [`${s.formId} (${s.name})`, s] as const))('%s', (_name, scenario) => {
    const run = runScenario(scenario);
    expect(run.failure, run.transcript.map((t) => `${t.citizen ?? ''}\n${t.assistant}`).join('\n\n')).toBeUndefined();
    if (scenario.target !== undefined) expect(run.turns).toBeLessThanOrEqual(scenario.target);
  });

  it('the same citizen in English ends on the same dossier', () => {
    const typed = FORM_SCENARIOS.find((s) => s.formId === 'to-khai-khai-sinh' && s.name === 'typed')!;
    const run = runScenario({ ...typed, messages: ['yes', ...typed.messages.slice(1, -1), 'yes'] }, 'en');
    expect(run.failure).toBeUndefined();
    expect(run.transcript.slice(1, -1).every((t) => !/Bạn |Người yêu cầu:/.test(t.assistant))).toBe(true);
  });
});
