import { foldForMatch, type Language } from '../../text/index.js';

export type SmalltalkKind = 'greeting' | 'thanks' | 'bye' | 'help';

// Whole-message patterns on folded text: only short messages that are nothing but small talk.
const PATTERNS: { kind: SmalltalkKind; pattern: RegExp }[] = [
  { kind: 'greeting', pattern: /^(xin )?(chao|hello|hi|hey|alo|good (morning|afternoon|evening))( (ban|em|anh|chi|robot|tro ly|assistant|there))?( a| nhe)?$/ },
  { kind: 'thanks', pattern: /^(cam on|cam on nhieu|thank you|thanks|thank|tks|thanks a lot|ok cam on|cam on ban|cam on em|cam on nhe)( a| nhieu| nhe| ban| em)*$/ },
  { kind: 'bye', pattern: /^(tam biet|bye|goodbye|chao tam biet|bye bye|hen gap lai)( a| nhe| ban)*$/ },
  { kind: 'help', pattern: /^(ban (la ai|lam duoc gi|giup duoc gi)|help|tro giup|huong dan|who are you|what can you do)$/ },
];

const REPLIES: Record<SmalltalkKind, { vi: string; en: string }> = {
  greeting: {
    vi: 'Dạ, xin chào! Tôi là trợ lý thủ tục hành chính của phường. Bạn cần làm thủ tục gì ạ? Ví dụ: làm giấy khai sinh, đăng ký tạm trú, chứng thực bản sao.',
    en: 'Hello! I am the ward’s assistant for administrative procedures. Which procedure do you need? For example: registering a birth, temporary residence, a certified copy.',
  },
  thanks: { vi: 'Dạ, không có gì ạ. Bạn cần hỏi thêm gì cứ nhắn nhé.', en: 'You are welcome. Ask me anything else about procedures.' },
  bye: { vi: 'Dạ, chào bạn. Chúc bạn làm thủ tục thuận lợi!', en: 'Goodbye, and good luck with your procedure!' },
  help: {
    vi: 'Tôi trả lời về thủ tục hành chính: cần giấy tờ gì, lệ phí, thời gian, nộp ở đâu, và có thể giúp điền sẵn tờ khai. Khi chưa chắc, tôi sẽ mời cán bộ phường hỗ trợ bạn.',
    en: 'I answer questions about administrative procedures: papers, fees, time, where to file, and I can help fill in forms. When I am not sure, I will call an official for you.',
  },
};

/** Recognises a message that is only a greeting, thanks, goodbye or a question about the assistant. */
export function detectSmalltalk(text: string): SmalltalkKind | undefined {
  const folded = foldForMatch(text);
  if (folded.length === 0 || folded.length > 60) return undefined;
  return PATTERNS.find(({ pattern }) => pattern.test(folded))?.kind;
}

/** The short reply to a small-talk message. */
export function replyToSmalltalk(kind: SmalltalkKind, language: Language): string {
  return REPLIES[kind][language];
}
