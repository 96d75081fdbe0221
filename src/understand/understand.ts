import { analyze, detectLanguage, expandAbbreviations, foldDiacritics, tokenize, type Language } from '../text/index.js';
import { detectAskedActions } from './actions.js';
import { askingText, splitClauses } from './clauses.js';
import { detectAspect } from './detect-aspect.js';
import { asksForPerson, readYesNo } from './intents.js';
import { redactPersonalData } from './redact.js';
import { detectScope } from './scope.js';
import type { Question } from './types.js';

export interface UnderstandOptions {
  /** The conversation's language, kept for messages too short to tell (one or two words). */
  language?: Language;
}

/** Analyses a citizen's message once: language, words, clauses, aspect, actions, scope, and steering intents. */
export function understand(text: string, { language }: UnderstandOptions = {}): Question {
  const trimmed = text.trim();
  const words = expandAbbreviations(tokenize(trimmed)).map(foldDiacritics);
  // One or two words ("ok", "CCCD") say little about the language: keep the conversation's.
  const detected = language && trimmed.split(/\s+/).length < 3 ? language : detectLanguage(trimmed);
  // Each clause is analysed into terms here, once: retrieval reads them instead of analysing the text again.
  // Without the places the citizen names: where one lives does not decide the procedure, and their syllables collide
  // with words that do (src/text/places.ts).
  const clauses = splitClauses(trimmed).map((clause) => ({ ...clause, analyzed: analyze(clause.text, { withoutPlaces: true }) }));
  const asking = askingText(clauses);
  const actions = detectAskedActions(asking, trimmed);
  return {
    text: trimmed,
    redacted: redactPersonalData(trimmed),
    language: detected,
    words,
    clauses,
    // Asked in the asking part if it says; else anywhere ("… Hồ sơ gồm những gì?").
    aspect: pickAspect(asking, trimmed),
    // Who asks at the kiosk in English is most often a foreigner living here, whether or not the message says so.
    actions: detected === 'en' && !actions.modifiers.has('foreign') ? { ...actions, foreignLikely: true } : actions,
    scope: pickScope(asking, trimmed),
    wantsPerson: asksForPerson(trimmed),
    reply: readYesNo(trimmed),
  };
}

function pickScope(asking: string, whole: string): Question['scope'] {
  const inAsking = detectScope(asking, { whole });
  if (inAsking) return { topic: inAsking, asked: true };
  const anywhere = detectScope(whole, { inStory: true });
  return anywhere ? { topic: anywhere, asked: false } : undefined;
}

function pickAspect(asking: string, whole: string) {
  const inAsking = detectAspect(asking);
  return inAsking === 'general' ? detectAspect(whole) : inAsking;
}
