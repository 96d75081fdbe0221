import { z } from 'zod';
import { asrFailedError, asrTimeoutError, asrUnavailableError } from '../../shared/errors.js';

/** Sends recorded speech to the ward's own speech server and returns what was said. */
export interface Transcriber {
  transcribe(audio: Uint8Array, contentType: string): Promise<string>;
}

export interface AsrClientOptions {
  /** Base URL of an OpenAI-compatible API (…/v1); `/audio/transcriptions` is appended, as LLM_URL gets `/chat/completions`. */
  url: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

// OpenAI's transcription answer (response_format=json): only the text is read.
const TranscriptionSchema = z.object({ text: z.string().max(5000) });

const EXTENSIONS: Readonly<Record<string, string>> = {
  'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/wave': 'wav',
  'audio/mp4': 'm4a', 'audio/mpeg': 'mp3', 'audio/flac': 'flac',
};

/** The audio types the kiosk may send (what MediaRecorder produces in Chromium, and WAV for tests and scripts). */
export function isAcceptedAudioType(contentType: string): boolean {
  return contentType.split(';')[0]!.trim().toLowerCase() in EXTENSIONS;
}

/**
 * A client for the ward's transcription server. The audio is held in memory for the one request and never written
 * or logged; failures become 502 (down or a wrong answer) or 504 (too slow) with a message for the citizen.
 */
export function createAsrClient({ url, model, apiKey, timeoutMs = 15_000, fetch: doFetch = fetch }: AsrClientOptions): Transcriber {
  const endpoint = `${url.replace(/\/$/, '')}/audio/transcriptions`;
  return {
    async transcribe(audio, contentType) {
      const type = contentType.split(';')[0]!.trim().toLowerCase();
      const form = new FormData();
      form.append('file', new Blob([audio], { type }), `speech.${EXTENSIONS[type] ?? 'bin'}`);
      form.append('model', model);
      form.append('language', 'vi');
      form.append('response_format', 'json');
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: 'POST',
          body: form,
          headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
          throw asrTimeoutError(error);
        }
        throw asrUnavailableError(error);
      }
      const body: unknown = await response.json().catch(() => undefined);
      const parsed = TranscriptionSchema.safeParse(body);
      if (!response.ok || !parsed.success) {
        throw asrFailedError(new Error(`speech server answered ${response.status}`));
      }
      return parsed.data.text.trim();
    },
  };
}
