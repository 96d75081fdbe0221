import type { Voice } from '../../shared/voice.js';

export { VoiceSchema, type Voice } from '../../shared/voice.js';

/** eSpeak NG's Vietnamese voices: `vi` is the northern (Hà Nội) one. */
export const ESPEAK_VOICES: Readonly<Record<Voice, string>> = {
  north: 'vi',
  central: 'vi-vn-x-central',
  south: 'vi-vn-x-south',
};
