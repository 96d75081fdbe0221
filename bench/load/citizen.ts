/**
 * One simulated citizen: opens a connection per conversation (as the website widget does), thinks between
 * messages, and keeps having conversations until the run's deadline or its message budget, whichever comes first.
 */
import { Connection, type Failure } from './connection.js';
import { planConversation, type StepLabel } from './script.js';

export interface CitizenOptions {
  url: string;
  questions: readonly string[];
  rng: () => number;
  /** performance.now() after which no new message is sent. */
  deadline: number;
  maxMessages: number;
  thinkMinMs: number;
  thinkMaxMs: number;
  timeoutMs: number;
}

export interface Sample {
  label: StepLabel;
  ms: number;
  ok: boolean;
  failure?: Failure;
  /** `kind` of an answer frame; `stage` of a form frame, to check the form flow went where expected. */
  kind?: string;
  stage?: string;
}

export interface CitizenResult {
  samples: Sample[];
  conversations: number;
  completed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs conversations for one citizen; never throws (every failure becomes a sample). */
export async function runCitizen(o: CitizenOptions): Promise<CitizenResult> {
  const samples: Sample[] = [];
  let conversations = 0;
  let completed = 0;
  const think = () => o.thinkMinMs + o.rng() * (o.thinkMaxMs - o.thinkMinMs);

  while (performance.now() < o.deadline && samples.length < o.maxMessages) {
    const steps = planConversation(o.rng, o.questions);
    // A conversation that would overrun the budget is not started: each one is whole or cut only by the deadline.
    if (samples.length + steps.length > o.maxMessages) break;
    conversations += 1;
    let connection: Connection;
    try {
      connection = await Connection.open(o.url, o.timeoutMs);
    } catch {
      samples.push({ label: 'hello', ms: 0, ok: false, failure: 'connect' });
      await sleep(think());
      continue;
    }
    let finished = true;
    for (const [i, step] of steps.entries()) {
      // The citizen reads the reply and types: think time before every message except the opening hello.
      if (i > 0) await sleep(think());
      if (performance.now() >= o.deadline) {
        finished = false;
        break;
      }
      const reply = await connection.request(step.frame, step.expect, o.timeoutMs);
      if (!reply.ok) {
        samples.push({ label: step.label, ms: reply.ms, ok: false, failure: reply.failure });
        // After a timeout or a broken socket the dialogue state is unknown: give up this conversation.
        if (reply.failure === 'timeout' || reply.failure === 'socket') {
          finished = false;
          break;
        }
        continue;
      }
      const form = reply.frame.form as { stage?: string } | undefined;
      samples.push({ label: step.label, ms: reply.ms, ok: true, kind: reply.frame.kind as string | undefined, stage: form?.stage });
    }
    connection.close();
    if (finished) completed += 1;
  }
  return { samples, conversations, completed };
}
