export { detectAspect, detectAspectBesides, detectAspects, removeAspectPhrases } from '../../understand/detect-aspect.js';
export { ASPECT_TABLE } from '../../understand/aspect-table.js';
export type { AspectRow } from '../../understand/aspect-table.js';
export { composeAnswer, LOOKUP_ENTRY_ID, WARD_DESK_ENTRY_ID } from './compose-answer.js';
export { composeChoices, composeFallback } from './compose-choices.js';
export { citeEntry } from './citations.js';
export { formatVnd, formatTime } from './format.js';
export type {
  Aspect,
  Choice,
  Citation,
  ComposeAnswerOptions,
  ComposedAnswer,
  ComposedChoices,
  ComposedFallback,
  ComposeFallbackOptions,
  FollowUp,
  Language,
} from './types.js';
