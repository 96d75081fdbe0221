import { foldForMatch } from '../text/index.js';

/*
 * Short replies and requests that steer the conversation rather than ask about a procedure. Folded text, whole
 * message for yes/no; a request for a person anywhere in a short message.
 */
const YES = /^(?:da |vang |u |uh |ok )?(co|co a|co chu|co nhe|dong y|ok|oke|okay|vang|vang a|u|uh|um|yes|yes please|y|dung|dung roi|duoc|duoc a|agree|sure|chac chan|muon|toi muon|co toi muon|da|da co|da vang|dong y a)( a| nhe| roi| a nhe| di)?$/;
const NO = /^(?:da )?(khong|ko|k|no|no thanks|tu choi|khong dong y|thoi|khong can|khong can dau|thoi khong|chua can|khong muon)( a| nhe| cam on| cam on nhe)?$/;

const PERSON = '(?:can bo|nguoi that|nhan vien|nguoi truc|nguoi phu trach|cong chuc|chuyen vien|nguoi ho tro|ai do|mot nguoi|nguoi that su|nguoi)';
const ASK_PERSON = new RegExp(
  `(?:^| )(?:gap|noi chuyen voi|noi chuyen|goi|can|muon gap|xin gap|ket noi voi|ket noi|chuyen cho|chuyen sang|lien he voi|hoi truc tiep)(?: (?:voi|mot|1|truc tiep))? ${PERSON}(?= |$)`,
);
const PERSON_ALONE = /^(?:can bo|nguoi that|gap can bo|nhan vien)( oi| a| di)?$/;
const ASK_PERSON_EN = /\b(?:(?:talk|speak|chat) (?:to|with) (?:a |an |the |some )?(?:person|human|official|officer|staff|someone|agent|real person|people)|human please|real person|an official|a human)\b/;
// Requests for a person are short; a long story that mentions "cán bộ" is a question, not a request.
const MAX_WORDS = 14;

/** A bare yes or no answering the assistant's own last question; undefined for anything else. */
export function readYesNo(text: string): 'yes' | 'no' | undefined {
  const folded = foldForMatch(text);
  if (YES.test(folded)) return 'yes';
  if (NO.test(folded)) return 'no';
  return undefined;
}

/** True when the citizen asks, in words, to be put through to an official. */
export function asksForPerson(text: string): boolean {
  const folded = foldForMatch(text);
  if (!folded || folded.split(' ').length > MAX_WORDS) return false;
  return PERSON_ALONE.test(folded) || ASK_PERSON.test(folded) || ASK_PERSON_EN.test(folded);
}
