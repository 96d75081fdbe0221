import type { WardSettings } from '../../knowledge/schema.js';

/** The sentence that hands a citizen their queue number, the people ahead and the estimated wait. */
export function composeTicketText(input: {
  number: number;
  waitingAhead: number;
  estimatedWaitMinutes: number;
  counter: WardSettings['counters'][number] | undefined;
  language: 'vi' | 'en';
  exampleWard: boolean;
}): string {
  const { number, waitingAhead, estimatedWaitMinutes, counter, language } = input;
  if (language === 'en') {
    const where = counter ? ` Please go to counter ${counter.number} (${counter.name}) when your number is called.` : ' An official will call your number.';
    const wait = waitingAhead === 0 ? 'You are next.' : `${waitingAhead} ${waitingAhead === 1 ? 'person is' : 'people are'} ahead of you (about ${estimatedWaitMinutes} minutes).`;
    return `Your queue number is ${number}. ${wait}${where}`;
  }
  const where = counter ? ` Khi được gọi, mời bạn đến quầy số ${counter.number} (${counter.name}).` : ' Cán bộ sẽ gọi số của bạn.';
  const wait = waitingAhead === 0 ? 'Bạn là người tiếp theo.' : `Trước bạn còn ${waitingAhead} người, thời gian chờ ước tính khoảng ${estimatedWaitMinutes} phút.`;
  return `Số thứ tự của bạn là ${number}. ${wait}${where}`;
}
