import type { AnalyzedText, Language } from '../text/index.js';

/** What part of a procedure the citizen asks about: the one list the chat protocol's schema is made from too. */
export const ASPECTS = ['documents', 'fee', 'time', 'where', 'steps', 'conditions', 'online', 'result', 'general'] as const;
export type Aspect = (typeof ASPECTS)[number];

/**
 * What a procedure does to its object, beyond the plain first registration or issue: the same object ("giấy
 * khai sinh", "sổ đỏ", "thẻ căn cước") has one procedure per action. See docs/understanding.md.
 */
export type Action =
  | 'reregister' // đăng ký lại
  | 'reissue' // cấp lại (lost, destroyed)
  | 'exchange' // cấp đổi (damaged, expired, old kind of card)
  | 'copy' // bản sao, trích lục
  | 'amend' // thay đổi, cải chính, bổ sung, đính chính, điều chỉnh
  | 'delete' // xóa đăng ký
  | 'extend' // gia hạn
  | 'change-use' // chuyển mục đích sử dụng
  | 'split' // tách thửa, hợp thửa
  | 'transfer' // chuyển nhượng, tặng cho, thừa kế, sang tên
  | 'suspend' // tạm ngừng
  | 'terminate' // chấm dứt, giải thể
  | 'revoke' // thu hồi, hủy
  | 'certify' // chứng thực (a copy, a signature, a contract)
  | 'record'; // ghi vào sổ hộ tịch (ghi chú) a marriage, divorce or birth already settled abroad

/**
 * Circumstances that make a separate procedure of the same action: a foreign element, a mobile registration, one
 * registration combined with another ("kết hợp"), one file for several agencies ("liên thông").
 */
export type Modifier = 'foreign' | 'mobile' | 'combined' | 'linked' | 'border';

/** The actions and modifiers of a question or of a procedure's title. */
export interface ActionSet {
  actions: ReadonlySet<Action>;
  modifiers: ReadonlySet<Modifier>;
  /** For a procedure: it also performs the plain action ("Cấp, cấp đổi, cấp lại …"). Always false for a question. */
  base: boolean;
  /** For a procedure: the specific action its title opens with ("Điều chỉnh quyết định …"), what it mainly does. */
  head?: Action;
  /** For a procedure: circumstances it also serves without requiring them ("cho công dân Việt Nam, người nước ngoài …"). */
  optional?: ReadonlySet<Modifier>;
  /** For a procedure: it works from the original paper ("Chứng thực bản sao từ bản chính"). */
  fromOriginal?: boolean;
  /** For a question: the citizen's own paper is lost ("mất bằng tốt nghiệp"), so no original can be shown. */
  originalLost?: boolean;
  /** For a question: not said, but the asker is likely a foreigner (asked in English). */
  foreignLikely?: boolean;
}

/** Topics that are not administrative procedures of the ward, each with its own referral. */
export type ScopeTopic = 'court' | 'weather' | 'prices' | 'news' | 'medical' | 'transport' | 'traffic' | 'utilities' | 'banking' | 'shopping' | 'leisure' | 'education' | 'labour' | 'telecom' | 'abroad' | 'rules';

/** One sentence or clause of a message, and whether it is the part that asks. */
export interface Clause {
  text: string;
  asking: boolean;
  /** Asking only because the asking part points back at it ("… giấy chứng nhận. Giấy này xin ở đâu?"): it names what
   * is asked about, and weighs as asking, but what is asked (action, aspect, topic) is read in the asking part. */
  pointedAt?: boolean;
  /** Its folded and exact-diacritic terms (src/text/analyze.ts), once analysed; retrieval reads them. */
  analyzed?: AnalyzedText;
}

/**
 * A citizen's message analysed once per turn and read by retrieval, the dialogue and the forms alike
 * (docs/understanding.md).
 */
export interface Question {
  /** The message as typed, trimmed. */
  text: string;
  /** The message with what may identify a person taken out: what may be kept for officials (./redact.ts). */
  redacted: string;
  language: Language;
  /** Folded words of the whole message, abbreviations spelled out. */
  words: string[];
  /** Sentences and clauses; the asking ones weigh more than the story around them. */
  clauses: Clause[];
  /** The aspect asked about ('general' when none). */
  aspect: Aspect;
  /** What the citizen wants done to the object ("mất" → reissue, "sai tên" → amend). */
  actions: ActionSet;
  /**
   * A topic that no ward procedure answers (court matters, weather, prices …), and whether the asking part itself
   * is about it (then it is referred even when a procedure's name occurs in the story).
   */
  scope?: { topic: ScopeTopic; asked: boolean } | undefined;
  /** The citizen asks for a person (an official) in words. */
  wantsPerson: boolean;
  /** A bare yes or no, answering the assistant's own last question. */
  reply?: 'yes' | 'no' | undefined;
}
