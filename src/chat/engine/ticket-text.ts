import type { WardSettings } from '../../knowledge/schema.js';
import type { Language } from '../../text/index.js';

/** The sentence that hands a citizen their queue number, the people ahead and the estimated wait. */
export function composeTicketText(input: {
  number: number;
  waitingAhead: number;
  estimatedWaitMinutes: number;
  counter: WardSettings['counters'][number] | undefined;
  language: Language;
  exampleWard: boolean;
  /** The session already held this ticket (one open ticket per session). */
  again?: boolean;
}): string {
  const { number, waitingAhead, estimatedWaitMinutes, counter, language, again = false } = input;
  if (language === 'en') {
    const where = counter ? ` Please go to counter ${counter.number} (${counter.name}) when your number is called.` : ' An official will call your number.';
    const wait = waitingAhead === 0 ? 'You are next.' : `${waitingAhead} ${waitingAhead === 1 ? 'person is' : 'people are'} ahead of you (about ${estimatedWaitMinutes} minutes).`;
    return `${again ? `You already have a number: it is still ${number}.` : `Your queue number is ${number}.`} ${wait}${where}`;
  }
  const where = counter ? ` Khi được gọi, mời bạn đến quầy số ${counter.number} (${counter.name}).` : ' Cán bộ sẽ gọi số của bạn.';
  const wait = waitingAhead === 0 ? 'Bạn là người tiếp theo.' : `Trước bạn còn ${waitingAhead} người, thời gian chờ ước tính khoảng ${estimatedWaitMinutes} phút.`;
  return `${again ? `Bạn đã lấy số rồi: số thứ tự của bạn vẫn là ${number}.` : `Số thứ tự của bạn là ${number}.`} ${wait}${where}`;
}
