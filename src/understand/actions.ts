import { dropClassifiers, foldForMatch } from '../text/index.js';
import { BASE_VERBS, CITIZEN_ACTIONS, CITIZEN_MODIFIERS, OFFICIAL_ACTIONS, OFFICIAL_MODIFIERS, PLAIN_ACTIONS, UNMARRIED_FATHER_NAMED } from './action-table.js';
import type { Action, ActionSet, Modifier } from './types.js';

interface CompiledPhrase<T> {
  value: T;
  pattern: RegExp;
  /** The same pattern, global, to visit every occurrence (matchAll copies it, so sharing it is safe). */
  every: RegExp;
}

/** One pattern per value (all its phrases as alternatives, whole words): a long message is scanned a few times, not hundreds. */
function compile<T extends string>(table: Readonly<Record<T, readonly string[]>>): CompiledPhrase<T>[] {
  return (Object.entries(table) as [T, readonly string[]][]).map(([value, phrases]) => {
    const source = `(?:^| )(?:${phrases.join('|')})(?= |$)`;
    return { value, pattern: new RegExp(source), every: new RegExp(source, 'g') };
  });
}

const OFFICIAL = { actions: compile(OFFICIAL_ACTIONS), modifiers: compile(OFFICIAL_MODIFIERS) };
const CITIZEN = { actions: compile(CITIZEN_ACTIONS), modifiers: compile(CITIZEN_MODIFIERS) };

// "mất" alone is "lost" only next to a paper ("mất sổ đỏ", "làm mất giấy"); after a person it is "passed away".
// Not "mặt bằng" (premises), folded like "mất bằng": a diploma lost is said with its kind or a verb of losing.
const LOST_PAPER = /(?:^| )(?:(?:bi |lam |danh )?mat (?:cai |cuon |tam |quyen |het )?(?:giay|so|the|can cuoc|cccd|cmnd|chung minh|ban|ho chieu|hop dong|dang ky|to|phieu|bien so)|(?:bi|lam|danh) mat (?:cai |tam |het )?bang|mat bang (?:tot nghiep|dai hoc|cap \S+|lai xe|lai))(?= |$)/;
// The civil-status papers, as one alternation the rules below share.
const CIVIL = '(?:khai sinh|ket hon|khai tu|chung tu|ho tich)';
// The civil-status paper itself lost, not another paper lost in a story that names one ("… mất ví có căn cước").
const CIVIL_PAPER_LOST = new RegExp(`(?:^| )(?:${CIVIL}(?: \\S+){0,8} (?:bi mat|lam mat|da mat|mat roi|mat het|that lac|bi chay|chay mat)|(?:mat|lam mat|that lac|danh roi|danh mat)(?: \\S+){0,3} (?:${CIVIL}|trich luc))(?= |$)`);
const CIVIL_PAPER = new RegExp(`(?:^| )${CIVIL}(?= |$)`);
const CIVIL_PAPER_DAMAGED = new RegExp(`(?:^| )${CIVIL}(?: \\S+){0,6} (?:rach|hong|nhau nat|mo chu|mo het chu|mat chu|uot nat)(?= |$)`);
// The birth, the permanent residence and the health card of a child under six are one linked file (the catalogue's
// "Liên thông …"): a message that asks for the birth with either of the others means it.
const LINKED_BIRTH = {
  birth: /(?:^| )(?:khai sinh|register (?:a |her |his |the )?birth)(?= |$)/,
  // Asked for, not told as a fact ("vợ chồng thường trú ở quê").
  with: /(?:^| )(?:nhap (?:ho )?khau|dang ky thuong tru|(?:the )?bhyt|the bao hiem y te|bao hiem y te cho (?:be|con|chau)|health (?:insurance )?card)(?= |$)/,
  // A child's (under six): an adult's birth certificate held as a paper is no birth to register.
  child: /(?:^| )(?:cho (?:con|be|chau)|con (?:toi|em|minh|tui)|be|em be|tre so sinh|baby|newborn|my (?:son|daughter))(?= |$)/,
  // A birth already registered leaves only the residence to do.
  done: /(?:^| )(?:(?:da|vua|moi) (?:\S+ ){0,2}khai sinh|khai sinh (?:\S+ ){0,3}(?:xong|roi))(?= |$)/,
};
// A birth never registered has no extract to copy ("chưa làm giấy khai sinh … làm mất giấy chứng sinh").
const NEVER_REGISTERED = /(?:^| )chua (?:\S+ ){0,2}(?:lam|co|dang ky|di lam) (?:giay )?khai sinh(?= |$)/;
// A vehicle already sold: its former owner hands the registration back (Circular 24/2023/TT-BCA) — "đã bán xe
// rồi", "as the seller". Asked because it was done, so it escapes the check for actions already done.
// Not "mua lại của bạn chiếc xe" ("bạn" folds like "bán"), nor a sale only planned ("định bán xe … rồi").
const SOLD_VEHICLE = /(?:^| )(?:(?:da|vua) ban (?:\S+ )?(?:xe|o to|oto|xe may)|sold (?:my|the|our|a) (?:\S+ )?(?:car|motorbike|motorcycle|scooter|bike|vehicle)|as the seller)(?= |$)/;
// "đổi" (exchange) is also "change" (amend) — "đổi tên", "đổi họ" are amendments, listed there.
// Not across "còn", "vẫn": "sổ gốc vẫn còn, giấy khai sinh bị mất" keeps the register.
const REGISTER_GONE = /(?:^| )(?:so (?:luu|goc|ho tich|dang ky|bo)(?: (?!(?:con|van)(?: |$))\S+){0,6} (?:khong con|bi mat|da mat|bi chay|bi huy|that lac|mat roi|bi hu|hu hong|bi hong|bi rach nat)|khong con (?:luu|so goc|ho so goc|so luu|luu tru))(?= |$)/;
// A title that lists the plain action among others: "đăng ký mới, sang tên", "cấp lần đầu, cấp lại".
const PLAIN_ALSO = /(?:^| )(?:dang ky moi|cap moi|lan dau)(?= |$)/;
const EMPTY: ActionSet = { actions: new Set(), modifiers: new Set(), base: false };

// The verbs of the official action phrases (and of the plain action), with the words that only qualify an action
// ("mới", "lần đầu"). Words of those phrases that name a thing ("giấy", "thẻ", "thửa", "bản sao", "giấy phép") are
// objects, not actions, and are left out.
const ACTION_WORDS: ReadonlySet<string> = new Set(
  ('dang ky ki lai cap trinh bao mat doi thay cai chinh bo sung dinh dieu sua hieu xac loi nhat xoa gia han chuyen tach '
    + 'nhuong tang cho ke sang ten tam ngung dung cham dut giai thoi thu hoi huy moi lan dau').split(' '),
);

/**
 * Whether a part of a title names only an action, no object: "sang tên", "đăng ký mới", "cấp lại" in "Đăng ký xe —
 * đăng ký mới, cấp biển số, sang tên". Such a part says what is done, not to what, so it is no name of the procedure.
 */
export function namesOnlyAnAction(foldedWords: readonly string[]): boolean {
  return foldedWords.length > 0 && foldedWords.every(isActionWord);
}

/** Whether a (folded) word belongs to an action phrase ("đăng", "ký", "cấp", "sang", "tên") rather than to an object. */
export function isActionWord(word: string): boolean {
  return ACTION_WORDS.has(word);
}

// An action the citizen has already done ("đã đổi sang căn cước rồi", "đã sang tên xong") is part of the story, not
// what is asked. A loss is different: "đã làm mất" is the reason to ask for a new paper, so it always counts.
const DONE_BEFORE = /(?:^| )(?:da|vua)(?: \S+){0,1} $/;
const DONE_AFTER = /^(?: \S+){0,4}? (?:roi|xong)(?= |$)/;
// Recording what was settled abroad is asked precisely because it was done ("đã kết hôn ở Hàn Quốc rồi").
const ALWAYS_ASKED: ReadonlySet<Action> = new Set(['reissue', 'copy', 'reregister', 'record']);

// A removal the citizen fears ("có bị xóa hộ khẩu không", "không khai là bị xóa", "sẽ bị thu hồi"): what is asked
// only when nothing else is (like a goal, below): "khai báo tạm vắng … có bị xóa hộ khẩu không" asks the declaration.
const RISK_BEFORE = /(?:^| )(?:co|se|la|thi|nguy co|de) bi $/;
const SUFFERED: ReadonlySet<Action> = new Set(['delete', 'revoke', 'suspend', 'terminate']);

// What an act is for ("… giải chấp làm thế nào để kịp sang tên"): the goal, not what is asked, when something else is.
const PURPOSE_BEFORE = /(?:^| )de(?: kip| con| co the)? $/;
// A step asked about as a prerequisite of another ("muốn nhập hộ khẩu … có phải về quê cắt khẩu trước không"):
// moving one's residence deletes the old one by itself; the registration is what is wanted.
const PREREQUISITE_BEFORE = /(?:^| )(?:co phai|co can|phai|can)(?: \S+){0,3} $/;
// Not "trước bao nhiêu ngày" (how far ahead): that asks when, of the act itself.
const PREREQUISITE_AFTER = /^(?: \S+){0,5}? truoc(?! (?:bao|may|khoang|it nhat|toi thieu|\d+)(?= |$))(?= |$)/;

/** Whether a phrase is asked: 'asked', only as the purpose of another act ('purpose'), or not at all (false). */
function asked({ value, pattern, every }: CompiledPhrase<Action>, folded: string): 'asked' | 'purpose' | false {
  if (ALWAYS_ASKED.has(value)) return pattern.test(folded) ? 'asked' : false;
  let purpose = false;
  for (const match of folded.matchAll(every)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const before = folded.slice(Math.max(0, start - 20), start + (match[0].startsWith(' ') ? 1 : 0));
    const after = folded.slice(end, end + 30);
    if (DONE_BEFORE.test(before) || DONE_AFTER.test(after)) continue;
    const risk = RISK_BEFORE.test(before) && SUFFERED.has(value);
    if (!risk && !PURPOSE_BEFORE.test(before) && !(PREREQUISITE_BEFORE.test(before) && PREREQUISITE_AFTER.test(after))) return 'asked';
    purpose = true;
  }
  return purpose ? 'purpose' : false;
}

/**
 * The actions a citizen's message asks for, in everyday words ("mất", "rách", "ghi sai", "lấy chồng Hàn Quốc").
 * `whole`: the whole message when `text` is only its asking part — which paper was lost, and whether the register
 * is gone, are often told in the story ("… giấy kết hôn mà tôi làm mất rồi. Xin cấp lại được không?").
 */
export function detectActions(text: string, { whole }: { whole?: string } = {}): ActionSet {
  // "bán căn nhà", "mua chiếc xe" say "bán nhà", "mua xe".
  const folded = dropClassifiers(foldForMatch(text));
  if (!folded) return EMPTY;
  const scene = whole === undefined ? folded : dropClassifiers(foldForMatch(whole));
  const found = CITIZEN.actions.map((phrase) => ({ value: phrase.value, how: asked(phrase, folded) }));
  const wanted = found.filter((f) => f.how === 'asked');
  // A goal ("để sang tên") or a prerequisite is what is asked when nothing else is ("cần giấy tờ gì để sang tên xe"),
  // the plain act included ("muốn nhập hộ khẩu … có phải cắt khẩu trước không").
  const secondary = wanted.length > 0 || PLAIN_ASK.test(folded) ? [] : found.filter((f) => f.how === 'purpose');
  const actions = new Set<Action>([...wanted, ...secondary].map((f) => f.value));
  const lost = LOST_PAPER.test(folded);
  if (lost) actions.add('reissue');
  if (SOLD_VEHICLE.test(folded)) actions.add('revoke');
  // Losing a civil-status paper is mended by a copy of the extract while the register keeps the record; registering
  // again is only for a register that is gone too (below), or when the citizen says "đăng ký lại" (docs/understanding.md).
  if (actions.has('reissue') && CIVIL_PAPER_LOST.test(scene) && !NEVER_REGISTERED.test(scene)) actions.add('copy');
  // A civil-status paper damaged beyond reading ("bị mối ăn rách hết") is mended the same way: none is exchanged.
  if (CIVIL_PAPER_DAMAGED.test(scene)) actions.add('copy');
  // The register itself is gone ("sổ gốc không còn"): only registering again mends it, a copy cannot be made.
  if (REGISTER_GONE.test(scene) && CIVIL_PAPER.test(scene)) {
    actions.delete('copy');
    actions.add('reregister');
  }
  const modifiers = new Set<Modifier>(CITIZEN.modifiers.filter((p) => p.pattern.test(folded)).map((p) => p.value));
  const { named, unmarried, marriedSince } = UNMARRIED_FATHER_NAMED;
  if (named.test(folded) && unmarried.test(folded) && !marriedSince.test(folded)) modifiers.add('combined');
  // A baby's birth named with its residence or its health card is the linked file of the three.
  if (LINKED_BIRTH.birth.test(scene) && LINKED_BIRTH.with.test(scene) && LINKED_BIRTH.child.test(scene) && !LINKED_BIRTH.done.test(scene)) modifiers.add('linked');
  const originalLost = lost || CIVIL_PAPER_LOST.test(scene);
  return { actions, modifiers, base: false, ...(originalLost ? { originalLost } : {}) };
}

// The asking part asks for the plain act: "đăng ký thường trú … thì làm sao", "xin cấp giấy …", "khai báo tạm vắng",
// "how do I register". Not a paper's name ("giấy đăng ký xe", "sổ đăng ký"), nor what was not done ("không đăng ký
// tạm trú, cũng không khai báo").
const PLAIN_ASK = /(?:^| )(?<!(?:giay|so|the|ban|khong|chua|chang) )(?:dang ky|dang ki|xin cap|cap moi|nhap (?:ho )?khau|chuyen (?:ho )?khau|khai bao|register|apply for)(?= |$)/;
// What happened to the citizen and is undone by asking for the plain act ("bị xóa thường trú … đăng ký lại").
const HAPPENED: ReadonlySet<Action> = new Set(['delete', 'terminate', 'suspend', 'transfer']);

/**
 * The actions asked for: those of the asking part when it names any, else those of the whole message. A story's
 * "đứng tên", "mua bán" describe what happened; "tạm ngừng … hồ sơ gồm gì?" is what is asked. When the asking part
 * asks for the plain act ("giờ muốn đăng ký thường trú lại"), the story's removals and transfers ("bị xóa thường
 * trú") are what happened, not what is wanted, while a state to mend (an expired card, a wrong date) still is; a loss
 * or a record abroad told in the story is wanted whatever the asking part says (asked because they happened).
 */
export function detectAskedActions(asking: string, whole: string): ActionSet {
  const inAsking = detectActions(asking, { whole });
  const story = detectActions(whole);
  // Circumstances (a foreign spouse, a mobile registration) are facts of the story as much as of the ask.
  // A loss or a record abroad told in the story is wanted whatever else the asking part names.
  const kept = [...story.actions].filter((action) => ALWAYS_ASKED.has(action));
  if (inAsking.actions.size > 0) {
    return { ...inAsking, actions: new Set([...inAsking.actions, ...kept]), modifiers: story.modifiers, ...(story.originalLost ? { originalLost: true } : {}) };
  }
  if (!PLAIN_ASK.test(foldForMatch(asking))) return story;
  // A state the story tells (an expired card, a wrong year of birth, a vehicle sold) is still what is to be mended.
  return { ...story, actions: new Set([...story.actions].filter((action) => !HAPPENED.has(action))) };
}

/**
 * The actions a procedure performs, read from its official title: "Cấp lại thẻ căn cước" → reissue; "Cấp, cấp đổi,
 * cấp lại …" → base + exchange + reissue; "Thủ tục đăng ký khai sinh có yếu tố nước ngoài" → base + foreign.
 */
export function actionsOfTitle(title: string): ActionSet {
  const folded = foldForMatch(title).replace(/^thu tuc /, '');
  const actions = new Set<Action>(OFFICIAL.actions.filter((p) => p.pattern.test(folded)).map((p) => p.value));
  // A bare "đổi" among listed verbs ("Cấp lại, đổi, điều chỉnh thông tin …") exchanges.
  if (title.split(',').some((part) => foldForMatch(part) === 'doi')) actions.add('exchange');
  const modifiers = new Set<Modifier>(OFFICIAL.modifiers.filter((p) => p.pattern.test(folded)).map((p) => p.value));
  // The plain action is performed when nothing else is named, or when a title lists it first on its own ("Cấp, …").
  const firstSegment = foldForMatch(title.replace(/^\s*thủ tục\s+/i, '').split(',')[0] ?? '');
  const specific = [...actions].filter((action) => !PLAIN_ACTIONS.includes(action));
  const base = specific.length === 0 || BASE_VERBS.includes(firstSegment) || PLAIN_ALSO.test(folded);
  // A title that opens with a list of verbs ("Cấp lại, đổi, điều chỉnh thông tin …") does each of them, none mainly.
  const listed = OFFICIAL.actions.some((p) => p.pattern.test(firstSegment)) && firstSegment.split(' ').length <= 2 && title.includes(',');
  const head = listed ? undefined : OFFICIAL.actions.find((p) => !PLAIN_ACTIONS.includes(p.value) && p.pattern.exec(folded)?.index === 0)?.value;
  // Serving Vietnamese citizens and foreigners alike, the foreign element is open to both, not required.
  const optional = modifiers.has('foreign') && CITIZENS_TOO.test(folded) ? { optional: new Set<Modifier>(['foreign']) } : {};
  return { actions, modifiers, base, ...(head && !base ? { head } : {}), ...(FROM_ORIGINAL.test(folded) ? { fromOriginal: true } : {}), ...optional };
}

// "cho công dân Việt Nam, người nước ngoài …": the list of whom it serves. Not "của công dân Việt Nam đã được giải
// quyết tại cơ quan … nước ngoài" (a record of what was settled abroad: the foreign element is required there).
const CITIZENS_TOO = /(?:^| )cong dan viet nam (?:va )?nguoi nuoc ngoai(?= |$)/;

// A copy certified from the original needs the original in hand (Decree 23/2015, art. 18).
const FROM_ORIGINAL = /(?:^| )ban sao tu ban chinh(?= |$)/;

/** Weights of action agreement; fitted on the tuning half of the real questions (docs/retrieval.md). */
export const ACTION_WEIGHTS = {
  /** The procedure performs an action the citizen asks for. */
  agree: 1.4,
  /** The citizen asks for an action; the procedure performs only other specific ones. */
  disagree: 0.6,
  /** The citizen asks for an action; the procedure is only the plain one. */
  plainForSpecific: 0.85,
  /** The citizen names no action; the procedure performs only a specific one. */
  specificForPlain: 0.8,
  /** The procedure has a circumstance (foreign element, mobile, combined) the citizen does not mention. */
  unaskedModifier: 0.75,
  /** The procedure has a foreign element the citizen does not mention but may have (asked in English): neutral. */
  likelyForeign: 1,
  /** The procedure has a circumstance the citizen mentions. */
  askedModifier: 1.3,
  /** The citizen mentions a circumstance the procedure does not have (a sibling procedure may). */
  missingModifier: 0.8,
  /** The procedure agrees, but mainly does another action (its title opens with it) the citizen does not ask for. */
  headMissed: 0.7,
  /** The citizen asks to certify as well; the procedure agrees on another action but certifies nothing. */
  uncertified: 0.7,
  /** The citizen asks only to certify, and the procedure certifies. */
  certifies: 1.1,
  /** The citizen's paper is lost; the procedure works from the original (a certified copy needs it shown). */
  originalGone: 0.6,
};

/** How well a procedure's actions agree with the question's: a factor around 1 that multiplies its score. */
export function actionAgreement(question: ActionSet, procedure: ActionSet, weights = ACTION_WEIGHTS): number {
  let factor = 1;
  // Asking only to certify ("chứng thực") says what kind of procedure, not which one: as if no action were named.
  if ([...question.actions].some((action) => !PLAIN_ACTIONS.includes(action))) {
    const agrees = [...procedure.actions].some((a) => question.actions.has(a));
    if (agrees) factor *= procedure.head && !question.actions.has(procedure.head) ? weights.agree * weights.headMissed : weights.agree;
    else if (procedure.actions.size > 0 && !procedure.base) factor *= weights.disagree;
    else factor *= weights.plainForSpecific;
    // Asked to certify, the citizen wants the certifying; the deal's own actions describe the paper to certify.
    if (agrees && question.actions.has('certify') && !procedure.actions.has('certify')) factor *= weights.uncertified;
  } else if (procedure.actions.size > 0 && !procedure.base) {
    factor *= weights.specificForPlain;
  } else if (question.actions.has('certify') && procedure.actions.has('certify')) {
    factor *= weights.certifies;
  }
  // Unless the citizen asks to certify: then the lost paper is another one ("mất thẻ căn cước, giờ cần chứng thực …").
  if (question.originalLost && procedure.fromOriginal && !question.actions.has('certify')) factor *= weights.originalGone;
  for (const modifier of procedure.modifiers) {
    if (question.modifiers.has(modifier)) factor *= weights.askedModifier;
    else if (procedure.optional?.has(modifier)) continue;
    else factor *= modifier === 'foreign' && question.foreignLikely ? weights.likelyForeign : weights.unaskedModifier;
  }
  for (const modifier of question.modifiers) if (!procedure.modifiers.has(modifier)) factor *= weights.missingModifier;
  return factor;
}
