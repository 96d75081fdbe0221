/**
 * What one simulated citizen says: a question from the project's evaluation sets, a follow-up typed as a citizen
 * would type it, sometimes a second question, and for some a birth-registration form started, agreed to, partly
 * answered and cancelled. Seeded, so a run with the same N replays the same conversations.
 */
import { readFileSync } from 'node:fs';

export type StepLabel = 'hello' | 'question' | 'followup' | 'form-start' | 'form-consent' | 'form-answer' | 'form-cancel' | 'end';

/** One frame to send and the server frame type that completes it. */
export interface Step {
  label: StepLabel;
  frame: Record<string, unknown>;
  expect: 'session' | 'answer' | 'ended';
}

/** Small, fast, seedable PRNG (mulberry32): Math.random cannot be seeded and runs would not be comparable. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/** In-scope questions only (non-empty `expected`): out-of-scope ones would measure the refusal path instead. */
export function loadQuestions(files: readonly string[]): string[] {
  const questions: string[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { q?: unknown; expected?: unknown };
      if (typeof row.q === 'string' && Array.isArray(row.expected) && row.expected.length > 0) questions.push(row.q);
    }
  }
  if (questions.length === 0) throw new Error(`no in-scope questions in ${files.join(', ')}`);
  return questions;
}

export const FOLLOW_UPS = ['còn lệ phí thì sao?', 'mất bao lâu?', 'nộp ở đâu?'] as const;

// Answers in the order the birth-registration form asks them after consent (addressee, requester's name,
// residence, ID document): realistic values, none of them a real person's.
const FORM_ANSWERS = [
  'Ủy ban nhân dân phường Bến Nghé',
  'Nguyễn Văn Bình',
  '12 Lê Lợi, phường Bến Nghé, Quận 1, TP Hồ Chí Minh',
  'Căn cước, 079123456789, 1/6/2021',
] as const;

/** Chances of each optional part of a conversation (stated in the results). */
export const PLAN = { secondQuestion: 0.5, followUpAfterSecond: 0.5, form: 0.4, formAnswersMin: 2, formAnswersMax: 4 } as const;

const message = (label: StepLabel, text: string): Step => ({ label, frame: { type: 'message', text }, expect: 'answer' });

/** The steps of one conversation, from hello to end (5 to 13 frames). */
export function planConversation(rng: () => number, questions: readonly string[]): Step[] {
  const steps: Step[] = [{ label: 'hello', frame: { type: 'hello', channel: 'widget', language: 'vi' }, expect: 'session' }];
  steps.push(message('question', pick(rng, questions)), message('followup', pick(rng, FOLLOW_UPS)));
  if (rng() < PLAN.secondQuestion) {
    steps.push(message('question', pick(rng, questions)));
    if (rng() < PLAN.followUpAfterSecond) steps.push(message('followup', pick(rng, FOLLOW_UPS)));
  }
  if (rng() < PLAN.form) {
    steps.push({ label: 'form-start', frame: { type: 'form', formId: 'to-khai-khai-sinh' }, expect: 'answer' });
    steps.push(message('form-consent', 'đồng ý'));
    const answers = PLAN.formAnswersMin + Math.floor(rng() * (PLAN.formAnswersMax - PLAN.formAnswersMin + 1));
    for (const text of FORM_ANSWERS.slice(0, answers)) steps.push(message('form-answer', text));
    steps.push(message('form-cancel', 'hủy'));
  }
  steps.push({ label: 'end', frame: { type: 'end' }, expect: 'ended' });
  return steps;
}
