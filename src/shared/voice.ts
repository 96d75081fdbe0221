import { z } from 'zod';

/**
 * The three voice regions a ward (and a citizen) can choose; contract (docs/decisions.md, "Contracts other tools rely on"): north | central | south. Here, not in
 * speech/, because the ward settings (knowledge/) name one too, and knowledge must not import speech.
 */
export const VoiceSchema = z.enum(['north', 'central', 'south']);
export type Voice = z.infer<typeof VoiceSchema>;
