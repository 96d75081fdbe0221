import { el } from '../shared/dom.js';
import type { Language } from './i18n.js';

// Push-to-talk (docs/kiosk-ui.md, "Voice input"): shown only when the ward runs a speech server (ASR_URL). Hold the
// button, speak, let go: the recording goes to `POST /api/transcribe` (our server passes it to the ward's speech
// server and keeps nothing) and the words land in the question box for the citizen to check and send themselves.

const TEXT = {
  vi: {
    hold: 'Giữ để nói', listening: 'Đang nghe… thả ra khi nói xong', working: 'Đang nhận dạng…',
    check: 'Hãy kiểm tra câu trong ô rồi bấm Gửi (hoặc sửa lại).', failed: 'Chưa nghe được. Bạn hãy nói lại hoặc gõ câu hỏi.',
    noMic: 'Máy này chưa dùng được micrô, bạn hãy gõ câu hỏi.',
  },
  en: {
    hold: 'Hold to speak', listening: 'Listening… let go when you are done', working: 'Recognising…',
    check: 'Check the sentence in the box, then press Send (or correct it).', failed: 'Could not hear that. Speak again or type your question.',
    noMic: 'The microphone is not available here; please type your question.',
  },
} as const;

/** Longest recording; the server refuses larger bodies anyway (ASR_MAX_BYTES). */
const MAX_RECORDING_MS = 30_000;

export interface VoiceInput {
  setLanguage(language: Language): void;
  /** Ends a recording in progress without sending it and clears the status line (idle wipe). */
  reset(): void;
}

export interface VoiceInputOptions {
  /** The row holding the question box and the Send button; the microphone button joins it. */
  row: HTMLElement;
  input: HTMLInputElement;
  /** Called when the citizen starts speaking (stops any reading aloud). */
  onStart: () => void;
}

/** Mounts the push-to-talk button and its status line. */
export function mountVoiceInput({ row, input, onStart }: VoiceInputOptions): VoiceInput {
  let language: Language = 'vi';
  let recorder: MediaRecorder | undefined;
  let discard = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const mic = el('button', 'btn voice-input', TEXT.vi.hold);
  mic.type = 'button';
  mic.id = 'voice-input';
  mic.setAttribute('aria-pressed', 'false');
  const status = el('p', 'voice-status');
  status.id = 'voice-status';
  status.setAttribute('aria-live', 'polite');
  row.append(mic);
  row.after(status);

  const say = (key: keyof (typeof TEXT)['vi'] | '') => (status.textContent = key ? TEXT[language][key] : '');

  async function start(): Promise<void> {
    if (recorder) return;
    onStart();
    discard = false;
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return void say('noMic');
    }
    const chunks: Blob[] = [];
    const current = new MediaRecorder(stream);
    recorder = current;
    current.addEventListener('dataavailable', (event) => chunks.push(event.data));
    current.addEventListener('stop', () => {
      for (const track of stream.getTracks()) track.stop();
      recorder = undefined;
      mic.setAttribute('aria-pressed', 'false');
      if (!discard) void send(new Blob(chunks, { type: current.mimeType || 'audio/webm' }));
    });
    current.start();
    mic.setAttribute('aria-pressed', 'true');
    say('listening');
    timer = setTimeout(stop, MAX_RECORDING_MS);
  }

  function stop(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (recorder?.state === 'recording') recorder.stop();
  }

  async function send(audio: Blob): Promise<void> {
    if (audio.size === 0) return void say('failed');
    say('working');
    try {
      const res = await fetch('/api/transcribe', { method: 'POST', body: audio, headers: { 'Content-Type': audio.type } });
      const body = (await res.json()) as { text?: string };
      if (!res.ok || !body.text) return void say('failed');
      // Shown, never sent: the citizen reads it, corrects it if needed, and presses Send.
      input.value = body.text.slice(0, 1000);
      input.focus();
      say('check');
    } catch {
      say('failed');
    }
  }

  mic.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    mic.setPointerCapture?.(event.pointerId);
    void start();
  });
  mic.addEventListener('pointerup', stop);
  mic.addEventListener('pointercancel', stop);
  // Keyboard users: Space or Enter held works as push-to-talk too.
  mic.addEventListener('keydown', (event) => {
    if ((event.key === ' ' || event.key === 'Enter') && !event.repeat) {
      event.preventDefault();
      void start();
    }
  });
  mic.addEventListener('keyup', (event) => {
    if (event.key === ' ' || event.key === 'Enter') stop();
  });

  return {
    setLanguage(next) {
      language = next;
      mic.textContent = TEXT[next].hold;
      say('');
    },
    reset() {
      discard = true;
      stop();
      say('');
    },
  };
}
