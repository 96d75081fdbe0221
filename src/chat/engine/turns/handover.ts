import type { WardSettings } from '../../../knowledge/schema.js';
import type { Language } from '../../../text/index.js';
import type { DialogueState } from '../state.js';
import type { Turn, TurnContext } from './context.js';

/**
 * The citizen asked for a person (in words, or "có" to the assistant's offer). At the kiosk: a queue ticket (the
 * session's one open ticket). On the website: the ward's contact — a visitor at home cannot stand in the queue —
 * and, in the widget, the offer of a call-back request (docs/kiosk-ui.md, "Call-back").
 */
export function handoverTurn(ctx: TurnContext, state: DialogueState): Turn {
  const { awaiting: _asked, ...rest } = state;
  if (ctx.channel === 'kiosk') {
    return { frame: { kind: 'smalltalk', text: '', citations: [], handover: false }, state: rest, takeTicket: true };
  }
  const text = composeContact(ctx.ward(), state.language);
  const callback = ctx.channel === 'widget' ? { callback: { retentionDays: ctx.retentionDays } } : {};
  return { frame: { kind: 'smalltalk', text, citations: [], handover: false, ...callback }, state: rest };
}

/** "Không" to the assistant's offer of an official: nothing is taken, the conversation goes on. */
export function declineTurn(state: DialogueState): Turn {
  const { awaiting: _asked, offer: _offer, ...rest } = state;
  const text = state.language === 'en' ? 'All right. Ask me anything else about procedures.' : 'Dạ vâng. Bạn cần hỏi thêm thủ tục gì cứ nhắn nhé.';
  return { frame: { kind: 'smalltalk', text, citations: [], handover: false }, state: rest };
}

/** How to reach the ward's officials from home; an example ward's invented contact is never shown as real. */
export function composeContact(ward: WardSettings | undefined, language: Language): string {
  if (!ward || ward.example) {
    return language === 'en'
      ? 'You can reach an official at the ward’s one-stop desk during office hours, in person or by the ward’s phone number published on its website.'
      : 'Bạn có thể gặp cán bộ tại bộ phận một cửa của phường trong giờ làm việc, hoặc gọi số điện thoại của phường được công bố trên trang thông tin của phường.';
  }
  const hours = ward.openingHours.map((h) => `${h.days}: ${h.hours}`).join('; ');
  return language === 'en'
    ? `You can reach an official at ${ward.wardName}: phone ${ward.phone}; address ${ward.address}; opening hours ${hours}.`
    : `Bạn liên hệ cán bộ ${ward.wardName}: điện thoại ${ward.phone}; địa chỉ ${ward.address}; giờ làm việc ${hours}.`;
}
