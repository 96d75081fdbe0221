import { splitForSpeech } from '../../../src/speech/split-for-speech.js';
import type { SpeechVoice } from './frames.js';

export type { SpeechVoice };

export interface SpeechPlayerOptions {
  /** Origin of the ward's server (the page's own for the kiosk, the script's for the widget). */
  baseUrl: string;
  /** Told which text is playing (its key), or undefined when playback stopped or ended. */
  onChange?: (key: string | undefined) => void;
  /** Carries `data-speech` = loading | playing while reading (the kiosk's body; the widget's own host element). */
  stateElement?: HTMLElement;
}

/**
 * Plays a text through `GET /api/speech`, piece by piece (cut as the server's tests cut it), the next piece
 * loading while the current one plays. One text at a time: playing another, or stop(), ends the current one.
 */
export class SpeechPlayer {
  private audio: HTMLAudioElement | undefined;
  private next: HTMLAudioElement | undefined;
  private run = 0;
  private key: string | undefined;

  constructor(private readonly options: SpeechPlayerOptions) {}

  /** The key of the text playing now, if any. */
  get playing(): string | undefined {
    return this.key;
  }

  /** Stops what is playing and reads `text` aloud; resolves when it ended or was stopped. */
  async play(text: string, voice: SpeechVoice, key = text): Promise<void> {
    this.stop();
    const run = ++this.run;
    const pieces = splitForSpeech(text);
    if (pieces.length === 0) return;
    this.setKey(key);
    this.state().dataset.speech = 'loading';
    try {
      let audio = this.load(pieces[0]!, voice);
      for (let i = 0; i < pieces.length && run === this.run; i++) {
        this.audio = audio;
        this.next = i + 1 < pieces.length ? this.load(pieces[i + 1]!, voice) : undefined;
        await playToEnd(audio, () => run === this.run && (this.state().dataset.speech = 'playing'));
        if (this.next) audio = this.next;
      }
    } catch {
      // A piece that cannot be fetched or played ends the reading; the text stays on screen.
    } finally {
      if (run === this.run) this.stop();
    }
  }

  /** Stops playback at once and cancels pieces still loading. */
  stop(): void {
    this.run++;
    for (const audio of [this.audio, this.next]) {
      if (!audio) continue;
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
    }
    this.audio = undefined;
    this.next = undefined;
    delete this.state().dataset.speech;
    this.setKey(undefined);
  }

  private state(): HTMLElement {
    return this.options.stateElement ?? document.body;
  }

  private load(piece: string, voice: SpeechVoice): HTMLAudioElement {
    const url = new URL('/api/speech', this.options.baseUrl);
    url.searchParams.set('text', piece);
    url.searchParams.set('voice', voice);
    const audio = new Audio();
    audio.preload = 'auto';
    audio.src = url.href;
    return audio;
  }

  private setKey(key: string | undefined): void {
    if (this.key === key) return;
    this.key = key;
    this.options.onChange?.(key);
  }
}

function playToEnd(audio: HTMLAudioElement, onPlaying: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    audio.addEventListener('playing', onPlaying, { once: true });
    audio.addEventListener('ended', () => resolve(), { once: true });
    audio.addEventListener('error', () => reject(new Error('audio failed')), { once: true });
    // Emptied: stop() removed the source while this piece played.
    audio.addEventListener('emptied', () => resolve(), { once: true });
    audio.play().catch(reject);
  });
}
