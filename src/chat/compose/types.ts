import type { Entry, WardSettings } from '../../knowledge/schema.js';

import type { Aspect } from '../../understand/types.js';
import type { Language } from '../../text/index.js';

export type { Aspect, Language };

/** Where an answer's facts come from: an entry, its national code(s), page and legal basis. */
export interface Citation {
  id: string;
  codes: string[];
  title: string;
  url?: string;
  legalBasis: { title: string; number?: string }[];
}

/** A further question the citizen may tap, answered by the same entry with another aspect. */
export interface FollowUp {
  label: string;
  aspect: Aspect;
}

export interface ComposeAnswerOptions {
  entry: Entry;
  /** Official catalogue records folded into a curated entry; they fill fields the curated entry leaves empty. */
  folded?: Entry[];
  aspect: Aspect;
  language: Language;
  ward?: WardSettings;
}

export interface ComposedAnswer {
  text: string;
  citations: Citation[];
  followUps: FollowUp[];
  /** True when the text offers a hand-over to an official (unverified entry, missing facts, missing ward settings). */
  handover: boolean;
}

/** One procedure the citizen can pick, by entry id. */
export interface Choice {
  id: string;
  label: string;
}

export interface ComposedChoices {
  text: string;
  choices: Choice[];
  /** Always empty: a question states no facts. */
  citations: Citation[];
}

export interface ComposeFallbackOptions {
  suggestions: Entry[];
  language: Language;
  reason: 'out-of-scope' | 'unsure';
}

export interface ComposedFallback {
  text: string;
  suggestions: Choice[];
  /** Always empty: the fallback states no facts from entries. */
  citations: Citation[];
  handover: true;
}
