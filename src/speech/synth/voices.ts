import type { Voice } from '../../shared/voice.js';

export { VoiceSchema, type Voice } from '../../shared/voice.js';

/** `GET /api/speech/config`: what the kiosk's read-aloud needs to know (the kiosk type-imports this). */
export interface SpeechConfigBody {
  voice: Voice;
  voices: readonly Voice[];
  maxChars: number;
  transcribe: boolean;
}

/** eSpeak NG's Vietnamese voices: `vi` is the northern (Hà Nội) one. */
export const ESPEAK_VOICES: Readonly<Record<Voice, string>> = {
  north: 'vi',
  central: 'vi-vn-x-central',
  south: 'vi-vn-x-south',
};
