import type { ChatEngine } from './engine/chat-engine.js';
import type { ClientFrame, ServerFrame } from './protocol.js';
import type { Language } from '../text/index.js';

/** The connection-side memory of one chat client: which session it speaks in. */
export interface ChatContext {
  sessionId?: string | undefined;
  channel: 'kiosk' | 'widget' | 'http';
  language?: Language | undefined;
}

/**
 * Runs one client frame through the engine and returns the frames to send back, in order.
 * Shared by the WebSocket chat and the HTTP fallback so both have the same session semantics.
 */
export async function dispatchFrame(engine: ChatEngine, context: ChatContext, frame: ClientFrame): Promise<ServerFrame[]> {
  const out: ServerFrame[] = [];
  const ensureSession = async () => {
    if (!context.sessionId) {
      const session = await engine.open({ channel: context.channel, language: context.language });
      context.sessionId = session.sessionId;
      out.push(session);
    }
    return context.sessionId;
  };
  switch (frame.type) {
    case 'hello': {
      context.language = frame.language ?? context.language;
      if (frame.channel) context.channel = frame.channel;
      const session = await engine.open({ sessionId: frame.sessionId, channel: context.channel, language: context.language });
      context.sessionId = session.sessionId;
      out.push(session);
      break;
    }
    case 'message': {
      const answer = await engine.message(await ensureSession(), frame.text);
      // A hand-over asked in words: the ticket is shown as a ticket too, before the answer that ends the reply.
      if (answer.ticket) out.push({ type: 'ticket', text: answer.text, ticket: answer.ticket });
      out.push(answer);
      break;
    }
    case 'choice':
      out.push(await engine.choose(await ensureSession(), frame.id));
      break;
    case 'followup':
      out.push(await engine.followUp(await ensureSession(), frame.aspect));
      break;
    case 'feedback':
      await engine.feedback(await ensureSession(), frame);
      out.push({ type: 'feedback_ack', messageId: frame.messageId });
      break;
    case 'form':
      out.push(await engine.startForm(await ensureSession(), frame.formId));
      break;
    case 'handover':
      out.push(await engine.handover(await ensureSession(), frame.topic));
      break;
    case 'language': {
      // The kiosk's language button: the only way, with "English" / "tiếng Việt" typed, to change a form's language.
      context.language = frame.language;
      if (!context.sessionId) break;
      const reply = await engine.setLanguage(context.sessionId, frame.language);
      if (reply) out.push(reply);
      break;
    }
    case 'reset':
    case 'end': {
      if (context.sessionId) await engine.end(context.sessionId);
      context.sessionId = undefined;
      out.push({ type: 'ended', text: context.language === 'en' ? 'The conversation has ended.' : 'Cuộc trò chuyện đã kết thúc.' });
      if (frame.type === 'reset') await ensureSession();
      break;
    }
    case 'ping':
      out.push({ type: 'pong' });
      break;
  }
  return out;
}
