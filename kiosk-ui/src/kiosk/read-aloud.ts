import { button, el } from '../shared/dom.js';
import type { SpeechConfigBody } from '../shared/frames.js';
import { SpeechPlayer, type SpeechVoice } from '../shared/speech-player.js';
import type { Language } from './i18n.js';
import './read-aloud.css';

// The kiosk's read-aloud (docs/kiosk-ui.md, "Read aloud"): a large "Đọc to" button on every answer (form questions
// are answers too), a toggle that reads each new answer by itself, and the voice region (the ward's, from
// `GET /api/speech/config`, which the citizen may switch). Tapping anywhere else, typing or the idle wipe stops it.

const TEXT = {
  vi: {
    read: 'Đọc to', stop: 'Dừng đọc', auto: 'Tự động đọc', voice: 'Giọng', voiceHint: 'chạm để đổi giọng đọc',
    voices: { north: 'miền Bắc', central: 'miền Trung', south: 'miền Nam' },
  },
  en: {
    read: 'Read aloud', stop: 'Stop reading', auto: 'Read answers aloud', voice: 'Voice', voiceHint: 'tap to change the reading voice',
    voices: { north: 'Northern', central: 'Central', south: 'Southern' },
  },
} as const;

const VOICES: SpeechVoice[] = ['north', 'central', 'south'];

/** What the read-aloud uses of `GET /api/speech/config`. */
export type SpeechConfig = Pick<SpeechConfigBody, 'voice' | 'transcribe'>;

/** Fetches the ward's speech settings; the kiosk works without them (northern voice, no microphone). */
export async function loadSpeechConfig(): Promise<SpeechConfig> {
  try {
    const body = (await (await fetch('/api/speech/config')).json()) as Partial<SpeechConfigBody>;
    return { voice: VOICES.includes(body.voice as SpeechVoice) ? (body.voice as SpeechVoice) : 'north', transcribe: body.transcribe === true };
  } catch {
    return { voice: 'north', transcribe: false };
  }
}

export interface ReadAloud {
  /** Adds the "Đọc to" button to an answer and, when the citizen asked for it, reads the answer at once. */
  addAnswer(item: HTMLElement, text: string): void;
  stop(): void;
  /** Back to the ward's settings for the next citizen (idle wipe, restart). */
  reset(): void;
  setLanguage(language: Language): void;
}

export interface ReadAloudOptions {
  /** The toolbar the auto-read toggle and the voice switch join. */
  tools: HTMLElement;
  config: Promise<SpeechConfig>;
}

/** Mounts the read-aloud controls and the stop-on-tap and stop-on-typing listeners. */
export function mountReadAloud({ tools, config }: ReadAloudOptions): ReadAloud {
  let language: Language = 'vi';
  let wardVoice: SpeechVoice = 'north';
  let voice: SpeechVoice = 'north';
  let auto = false;
  const buttons = new Map<string, HTMLButtonElement>();
  let counter = 0;

  const player = new SpeechPlayer({
    baseUrl: location.origin,
    onChange: (playing) => {
      for (const [key, node] of buttons) {
        if (!node.isConnected) {
          buttons.delete(key);
          continue;
        }
        node.setAttribute('aria-pressed', String(key === playing));
        node.textContent = TEXT[language][key === playing ? 'stop' : 'read'];
      }
    },
  });

  const autoToggle = button(TEXT.vi.auto, () => setAuto(!auto), 'tool speech-auto');
  autoToggle.id = 'speech-auto';
  autoToggle.dataset.speechControl = '';
  const voiceSwitch = button('', () => setVoice(VOICES[(VOICES.indexOf(voice) + 1) % VOICES.length]!), 'tool speech-voice');
  voiceSwitch.id = 'speech-voice';
  voiceSwitch.dataset.speechControl = '';
  tools.prepend(autoToggle, voiceSwitch);

  function setAuto(on: boolean): void {
    auto = on;
    autoToggle.setAttribute('aria-pressed', String(on));
  }

  function setVoice(next: SpeechVoice): void {
    voice = next;
    voiceSwitch.dataset.voice = next;
    const shown = `${TEXT[language].voice}: ${TEXT[language].voices[next]}`;
    voiceSwitch.textContent = shown;
    // The accessible name starts with the visible words (WCAG 2.5.3), then says what a tap does.
    voiceSwitch.setAttribute('aria-label', `${shown} (${TEXT[language].voiceHint})`);
  }

  function read(key: string, text: string): void {
    if (player.playing === key) return player.stop();
    void player.play(text, voice, key);
  }

  // A tap anywhere but on a read-aloud control stops the reading, as does any typing (physical or on-screen keys,
  // which are taps too).
  document.addEventListener('pointerdown', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-speech-control]')) player.stop();
  }, true);
  document.addEventListener('keydown', () => player.stop(), true);
  document.addEventListener('input', () => player.stop(), true);

  void config.then((c) => {
    wardVoice = c.voice;
    setVoice(c.voice);
  });
  setAuto(false);
  setVoice('north');

  return {
    addAnswer(item, text) {
      // The voices are Vietnamese: English answers are not read aloud (docs/kiosk-ui.md).
      if (language !== 'vi' || !/[\p{L}\p{N}]/u.test(text)) return;
      const key = `answer-${++counter}`;
      const node = button(TEXT[language].read, () => read(key, text), 'btn read-aloud');
      node.dataset.speechControl = '';
      node.setAttribute('aria-pressed', 'false');
      buttons.set(key, node);
      item.querySelector('.text')?.after(node) ?? item.prepend(node);
      if (auto) read(key, text);
    },
    stop: () => player.stop(),
    reset() {
      player.stop();
      buttons.clear();
      setAuto(false);
      setVoice(wardVoice);
    },
    setLanguage(next) {
      language = next;
      autoToggle.textContent = TEXT[next].auto;
      setVoice(voice);
      player.stop();
    },
  };
}
