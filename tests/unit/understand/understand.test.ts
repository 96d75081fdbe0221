import { describe, expect, it } from 'vitest';
import { actionAgreement, actionsOfTitle, askingText, asksForPerson, detectActions, detectScope, readYesNo, splitClauses, understand } from '../../../src/understand/index.js';

describe('splitClauses', () => {
  it('marks the sentence that asks and leaves the story around it', () => {
    const clauses = splitClauses('Năm 2010 tôi lấy vợ ở quê. Nay tôi chuyển lên phường này ở. Xin hỏi tôi phải làm thủ tục gì?');
    expect(clauses.map((c) => c.asking)).toEqual([false, false, true]);
  });

  it('splits a sentence at "xin hỏi" / "cho em hỏi": what follows asks', () => {
    const clauses = splitClauses('Nhà em mới mua xe cũ cho em hỏi sang tên ở đâu');
    expect(clauses).toEqual([
      { text: 'Nhà em mới mua xe cũ', asking: false },
      { text: 'cho em hỏi sang tên ở đâu', asking: true },
    ]);
  });

  it('takes the last sentence as the ask when nothing sounds like a question', () => {
    const clauses = splitClauses('Con tôi sinh ở bệnh viện tỉnh. Làm giấy khai sinh cho cháu.');
    expect(clauses.map((c) => c.asking)).toEqual([false, true]);
  });

  it('keeps a one-sentence question whole and asking, without marks too', () => {
    expect(splitClauses('lam giay khai sinh can giay to gi')).toEqual([{ text: 'lam giay khai sinh can giay to gi', asking: true }]);
  });

  it('reads "gì" after a negation as "any", unless the citizen does not know what', () => {
    expect(splitClauses('Em gái em không có giấy tờ gì nên chưa làm khai sinh cho bé. Em muốn nhận cháu làm con nuôi thì thủ tục ra sao?').map((c) => c.asking)).toEqual([false, true]);
    expect(splitClauses('Anh ấy lén bán đất, tôi không hề ký giấy tờ gì. Xin hỏi tôi có đòi lại được không?').map((c) => c.asking)).toEqual([false, true]);
    expect(splitClauses('Tôi không biết cần giấy tờ gì. Con tôi mới sinh.').map((c) => c.asking)).toEqual([true, false]);
  });

  it('hears a yes-or-no question without its mark: "có cần … không", a sentence closing with "không" or "chưa"', () => {
    expect(splitClauses('Em đi làm xa 2 năm. Có cần khai báo tạm vắng không. Em cảm ơn').map((c) => c.asking)).toEqual([false, true, false]);
    expect(splitClauses('Con em sinh ở nhà. Giờ có làm khai sinh ở phường này luôn không. Cảm ơn ạ').map((c) => c.asking)).toEqual([false, true, false]);
    // Statements that end the same way, and words that fold like the southern "hông" or like "có cần".
    expect(splitClauses('Sổ đỏ thì chưa. Thẻ căn cước của em bị hỏng. Em muốn đăng ký tạm trú thì làm sao').map((c) => c.asking)).toEqual([false, false, true]);
    expect(splitClauses('Tôi có căn cước gắn chip rồi. Giờ muốn đăng ký thường trú cho con thì làm gì').map((c) => c.asking)).toEqual([false, true]);
    expect(splitClauses('Nhà tôi xây năm 2000. Đã có sổ đỏ chưa thì tôi cũng không biết. Tôi cần làm gì').map((c) => c.asking)).toEqual([false, false, true]);
  });

  it('reads the sentence an asking part points back at as asking too ("giấy này", "trường hợp này", "như vậy")', () => {
    expect(splitClauses('Nhà em vừa được công nhận hộ nghèo, thôn bảo sẽ có giấy chứng nhận. Giấy này xin ở đâu?').map((c) => c.asking)).toEqual([true, true]);
    expect(splitClauses('Tiệm của chồng em doanh thu dưới 200 triệu một năm. Như vậy có được miễn thuế không?').map((c) => c.asking)).toEqual([true, true]);
    expect(splitClauses('Tôi bị mất ví ngoài chợ. Giấy khai sinh của con xin lại ở đâu?').map((c) => c.asking)).toEqual([false, true]);
    // What is asked (action, aspect, topic) is still read in the asking part alone.
    const clauses = splitClauses('Ngân hàng đòi giấy xác nhận số CMND cũ. Xin giấy đó ở công an phường được không?');
    expect(clauses.map((c) => [c.asking, c.pointedAt === true])).toEqual([[true, true], [true, false]]);
    expect(askingText(clauses)).toBe('Xin giấy đó ở công an phường được không?');
  });

  it('reads someone else\'s wish told before the question as story, the citizen\'s own as asking', () => {
    expect(splitClauses('Hàng xóm muốn xây lấn sang ngõ đi chung. Tôi có thể nhờ phường hòa giải không?').map((c) => c.asking)).toEqual([false, true]);
    expect(splitClauses('Vợ tôi mất được 3 năm. Giờ tôi muốn đăng ký kết hôn với người mới. Tôi cần nộp giấy gì?').map((c) => c.asking)).toEqual([false, true, true]);
    // Without a later question mark, the wish is still where the question may be.
    expect(splitClauses('Bố mẹ em muốn bán mảnh đất. Phải làm gì').map((c) => c.asking)).toEqual([true, true]);
  });

  it('reads English questions', () => {
    expect(splitClauses('I moved here last month. How do I register my residence?').map((c) => c.asking)).toEqual([false, true]);
  });
});

describe('detectActions', () => {
  const actionsOf = (text: string) => [...detectActions(text).actions].sort();
  it.each([
    ['tôi bị mất thẻ căn cước', ['reissue']],
    ['giấy xác nhận cũ có dùng được không hay phải xin lại cái mới', []],
    ['đo lại được 160m2, tôi muốn đổi sổ mới theo diện tích thực tế', ['exchange']],
    ['đổi sổ tiết kiệm sang ngân hàng khác', []],
    ['I need to change the address on my business registration', ['amend']],
    ['I need to change my old ID card to the new chip card', ['exchange']],
    ['I need to change my foreign driving license to a Vietnamese one', ['exchange']],
    ['How do I change the owner of my motorbike?', ['transfer']],
    ['Can I change agricultural land to residential land?', ['change-use']],
    ['I moved to a new apartment, do I need to change my temporary residence?', []],
    ['Can I change my land use to residential?', ['change-use']],
    ['lam mat so do roi', ['reissue']],
    ['thẻ căn cước bị rách, hết hạn', ['exchange']],
    ['giấy khai sinh ghi sai tên mẹ', ['amend']],
    ['muốn sửa lại ngày sinh cho đúng', ['amend']],
    ['xin bản sao giấy khai sinh', ['copy']],
    ['chuyển đất vườn sang đất ở', ['change-use']],
    ['tách thửa cho con', ['split']],
    ['sang tên xe máy', ['transfer']],
    ['tạm ngừng kinh doanh 3 tháng', ['suspend']],
    ['gia hạn tạm trú', ['extend']],
    ['làm giấy khai sinh cho con', []],
    ['làm lại thẻ bảo hiểm y tế', ['reissue']],
    ['nâng thêm một tầng và làm lại mặt tiền', []],
    ['thẻ căn cước của tôi ghi sai năm sinh, giờ sửa thẻ thế nào', ['amend', 'exchange']],
    ['đổi sổ đỏ cũ sang mẫu mới', ['exchange']],
    ['trả nợ xong thì giải chấp sổ đỏ thế nào', ['delete']],
    ['vợ chồng tôi bán căn nhà duy nhất thì khai thuế ở đâu', ['transfer']],
    ['em đã đăng ký kết hôn ở Hàn Quốc, giờ về nước muốn ghi chú kết hôn', ['record']],
    ['con tôi sinh ở Nhật, đã có giấy khai sinh do chính quyền Nhật cấp, giờ về nước', ['record']],
    ['sinh bé ở Nhật và đã làm khai sinh bên đó rồi, giờ về quê ở lâu dài', ['record']],
    ['con tôi đã làm giấy khai sinh ở Hàn Quốc, giờ về nước', ['record']],
    ['giấy khai sinh của con do bệnh viện cấp bị sai tên', ['amend']],
    ['vợ chồng muốn đổi cho con sang dân tộc Tày theo mẹ', ['amend']],
    ['tôi đã bán xe máy rồi, người bán phải làm gì', ['revoke']],
    ['mở tiệm nail nhỏ, thuê mặt bằng có hợp đồng', []],
    ['muốn tích hợp thẻ bhyt vào thẻ căn cước thì đăng ký ở đâu', ['amend']],
    ['muốn nhập hộ khẩu về nhà chồng, có phải về quê cắt khẩu trước không', []],
    // A removal feared is asked only when nothing else is.
    ['Có phải khai báo tạm vắng trước khi đi không, nếu không khai có bị xóa hộ khẩu không?', []],
    ['Con đi nghĩa vụ quân sự có bị cắt hộ khẩu không?', ['delete']],
    ['Tôi không khai báo tạm vắng. Nghe nói như vậy sẽ bị xóa hộ khẩu ở quê, có đúng không?', ['delete']],
    // "trước bao nhiêu ngày" asks how far ahead, not about a step before another.
    ['tạm trú sắp hết, em phải gia hạn hay đăng ký mới, làm trước bao nhiêu ngày ạ', ['extend']],
    ['có phải gia hạn trước 30 ngày không, hay đăng ký mới', ['extend']],
    ['có phải xóa hộ khẩu ở chỗ cũ trước không', ['delete']],
    ['muốn tích hợp bằng lái xe vào VNeID, lên mức 2 ở đâu', []],
    ['trả nợ xong thì thủ tục giải chấp sổ đỏ làm thế nào để kịp sang tên cho người mua', ['delete']],
    ['cần những giấy tờ gì để sang tên xe máy', ['transfer']],
    ['mat bang tot nghiep cap 3 may nam roi', ['reissue']],
    ['tôi bị mất bằng lái xe', ['reissue']],
    ['hộ kinh doanh cả gia đình đứng tên, giờ muốn tạm ngừng 6 tháng', ['suspend']],
    ['bán đất thì văn phòng công chứng đòi giấy xác nhận tình trạng hôn nhân', ['transfer']],
    ['muốn công chứng hợp đồng mua bán nhà', ['certify', 'transfer']],
    ['cả nhà thống nhất để lại cho bố mẹ đứng tên riêng', ['amend']],
    ['muốn đổi sổ mới cho đúng tên phường', ['amend']],
    ['I sold my scooter to a friend, what do I do as the seller', ['revoke']],
    ['muốn bán xe máy cho bạn thì sang tên thế nào', ['transfer']],
    ['xin giấy xác nhận độc thân để đi làm thủ tục kết hôn ở nước ngoài', []],
  ])('%s → %j', (text, expected) => {
    expect(actionsOf(text)).toEqual(expected);
  });

  it('leaves out what the citizen has already done, but not a loss', () => {
    expect(detectActions('Tôi đã đổi sang căn cước gắn chip rồi, ngân hàng đòi giấy xác nhận số CMND cũ').actions.has('exchange')).toBe(false);
    expect(detectActions('mua nhà đã sang tên xong, giờ thấy sổ ghi sai năm sinh').actions.has('transfer')).toBe(false);
    expect(detectActions('muốn đổi sang căn cước gắn chip').actions.has('exchange')).toBe(true);
    expect(detectActions('tôi đã làm mất sổ đỏ rồi').actions.has('reissue')).toBe(true);
  });

  it('reads a birth registered now with the unmarried father\'s name as the combined procedure, not a name added later', () => {
    const combined = (text: string) => detectActions(text).modifiers.has('combined');
    expect(combined('Chưa đăng ký kết hôn, giờ làm khai sinh thì làm sao để có tên bố trên giấy khai sinh của cháu?')).toBe(true);
    expect(combined('bo chau muon nhan con luon luc di lam khai sinh')).toBe(true);
    expect(combined('chưa cưới mà có bầu, giờ cưới rồi muốn ghi tên bố vào khai sinh cho bé')).toBe(false);
    expect(combined('làm khai sinh cho con cần giấy tờ gì')).toBe(false);
    expect(combined('em chua ket hon voi ban trai, muon khai sinh co ten ca bo lan me thi can giay to gi')).toBe(true);
    // A wedding is no registered marriage.
    expect(combined('Bọn em đã cưới nhưng chưa đăng ký kết hôn, giờ muốn làm khai sinh cho con có tên bố')).toBe(true);
    expect(combined('Hồi đó không đăng ký kết hôn. Nay hai vợ chồng mới đi đăng ký kết hôn, muốn làm khai sinh cho bé có tên cả bố lẫn mẹ')).toBe(false);
    expect(combined('đi khai sinh cho cháu thì thay giấy chứng sinh bằng giấy gì, có cần người làm chứng không?')).toBe(false);
    expect(actionAgreement(detectActions('chưa đăng ký kết hôn, làm khai sinh cho bé có ghi tên ba được không'), actionsOfTitle('Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con'))).toBeGreaterThan(
      actionAgreement(detectActions('chưa đăng ký kết hôn, làm khai sinh cho bé có ghi tên ba được không'), actionsOfTitle('Liên thông: đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ dưới 6 tuổi')),
    );
  });

  it('does not offer a copy certified from the original to a citizen who lost the original', () => {
    const certify = actionsOfTitle('Chứng thực bản sao từ bản chính');
    const fromRegister = actionsOfTitle('Thủ tục cấp bản sao từ sổ gốc');
    expect(certify.fromOriginal).toBe(true);
    expect(fromRegister.fromOriginal).toBeUndefined();
    const lost = understand('Tôi làm mất bằng tốt nghiệp rồi. Giờ muốn có bản sao thì làm thế nào?').actions;
    expect(lost.originalLost).toBe(true);
    expect(actionAgreement(lost, certify)).toBeLessThan(actionAgreement(lost, fromRegister));
    const kept = understand('Tôi cần bản sao bằng tốt nghiệp để nộp hồ sơ xin việc thì làm thế nào?').actions;
    expect(kept.originalLost).toBeUndefined();
    expect(actionAgreement(kept, certify)).toBe(actionAgreement(kept, fromRegister));
    // Another paper lost, and this one asked to be certified: the original is in hand.
    const other = understand('Tôi làm mất thẻ căn cước, giờ cần chứng thực bản sao giấy khai sinh thì làm ở đâu?').actions;
    expect(actionAgreement(other, certify)).toBeGreaterThanOrEqual(actionAgreement(other, fromRegister));
  });

  it('does not set a foreign-element procedure back for an English question that does not say who asks', () => {
    // Serving citizens and foreigners alike ("cho công dân Việt Nam, người nước ngoài"), the foreign element is open;
    // a record of what a foreign authority settled for a citizen requires it.
    expect(actionsOfTitle('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam').optional?.has('foreign')).toBe(true);
    expect(actionsOfTitle('Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài').optional).toBeUndefined();
    const foreignBirth = actionsOfTitle('Thủ tục đăng ký khai sinh có yếu tố nước ngoài');
    const english = understand('Our daughter was born last week, where do we register her birth?').actions;
    expect(english.foreignLikely).toBe(true);
    expect(actionAgreement(english, foreignBirth)).toBe(1);
    const vietnamese = understand('Con gái tôi mới sinh tuần trước, đăng ký khai sinh ở đâu?').actions;
    expect(vietnamese.foreignLikely).toBeUndefined();
    expect(actionAgreement(vietnamese, foreignBirth)).toBeLessThan(1);
  });

  it('reads a border area as a circumstance, like a foreign element: said by the title, heard from the citizen', () => {
    expect(actionsOfTitle('Thủ tục đăng ký khai tử có yếu tố nước ngoài tại khu vực biên giới').modifiers.has('border')).toBe(true);
    expect(actionsOfTitle('Thủ tục đăng ký khai tử có yếu tố nước ngoài').modifiers.has('border')).toBe(false);
    expect(detectActions('em ở xã biên giới, lấy chồng bên Trung Quốc thì đăng ký kết hôn ở đâu').modifiers.has('border')).toBe(true);
    // The sea is no border: "vùng biển", "giáp biển" fold like "vùng biên", "giáp biên".
    expect(detectActions('Em ở xã vùng biển, muốn đăng ký khai sinh cho con').modifiers.has('border')).toBe(false);
    expect(detectActions('My fiancée lives in a border commune in Lao Cai').modifiers.has('border')).toBe(true);
    expect(detectActions('I want to stay long term without border runs').modifiers.has('border')).toBe(false);
    const korean = understand('Chồng tôi quốc tịch Hàn Quốc vừa mất. Tôi làm khai tử cho chồng ở đâu?').actions;
    expect(actionAgreement(korean, actionsOfTitle('Thủ tục đăng ký khai tử có yếu tố nước ngoài'))).toBeGreaterThan(
      actionAgreement(korean, actionsOfTitle('Thủ tục đăng ký khai tử có yếu tố nước ngoài tại khu vực biên giới')),
    );
  });

  it('hears a foreigner in English by what only a foreigner holds here', () => {
    expect(detectActions('I have been here 3 months on a business visa and never registered my address').modifiers.has('foreign')).toBe(true);
    expect(detectActions('expats renting in HCMC, who declares our stay?').modifiers.has('foreign')).toBe(true);
    expect(detectActions('How do I register my residence?').modifiers.has('foreign')).toBe(false);
    expect(detectActions("I'm a US citizen and want to marry my Vietnamese fiancée here").modifiers.has('foreign')).toBe(true);
    expect(detectActions('I am from Taiwan and want to adopt my wife\'s daughter').modifiers.has('foreign')).toBe(true);
    expect(detectActions('I am from this ward and want to marry').modifiers.has('foreign')).toBe(false);
    // A baby's birth asked with its residence or health card is the linked file; not a birth already done, nor an
    // adult's birth certificate held as a paper.
    expect(detectActions('muốn đăng ký khai sinh và nhập hộ khẩu cho con, thẻ bảo hiểm y tế cho bé có cấp luôn không').modifiers.has('linked')).toBe(true);
    expect(detectActions('con tôi mới làm khai sinh xong nhưng chưa nhập hộ khẩu').modifiers.has('linked')).toBe(false);
    expect(detectActions('bố tôi chỉ còn giấy khai sinh, cần làm gì để nhập khẩu cho bố').modifiers.has('linked')).toBe(false);
    expect(detectActions('vợ chồng tôi thường trú ở Nghệ An, khai sinh cho con ở nơi tạm trú được không').modifiers.has('linked')).toBe(false);
    // A trip or work abroad is no foreign element of the event; a spouse or a birth abroad is.
    expect(detectActions('hè này cả nhà đi du lịch nước ngoài, muốn làm hộ chiếu cho cháu').modifiers.has('foreign')).toBe(false);
    expect(detectActions('chồng đi nước ngoài làm việc, tôi làm khai sinh cho con').modifiers.has('foreign')).toBe(false);
    expect(detectActions('con tôi sinh ra ở nước ngoài').modifiers.has('foreign')).toBe(true);
    expect(detectActions('em lấy chồng nước ngoài').modifiers.has('foreign')).toBe(true);
    // "người Tày" is an ethnic group of Vietnam (folded like "người Tây"); "chồng Tây" is a Westerner.
    expect(detectActions('Tôi người Kinh, vợ tôi người Tày').modifiers.has('foreign')).toBe(false);
    expect(detectActions('em lấy chồng Tây, muốn đăng ký kết hôn').modifiers.has('foreign')).toBe(true);
  });

  it('reads "mất" after a person as a death, not a lost paper', () => {
    expect(detectActions('bố tôi mất tuần trước, làm khai tử thế nào').actions.size).toBe(0);
  });

  it('mends a lost civil-status paper by a copy of the extract, and by registering again only when the register is gone or the citizen says so', () => {
    expect(actionsOf('mất giấy khai sinh bản chính')).toEqual(['copy', 'reissue']);
    expect(actionsOf('làm mất giấy đăng ký kết hôn, xin cấp lại thế nào')).toEqual(['copy', 'reissue']);
    expect(actionsOf('mất giấy khai tử, xã báo sổ lưu không còn')).toEqual(['reissue', 'reregister']);
    expect(actionsOf('giấy khai sinh mất, xã nói sổ bộ cũng thất lạc')).toEqual(['reissue', 'reregister']);
    expect(actionsOf('mất giấy khai sinh, muốn đăng ký lại')).toContain('reregister');
    expect(actionsOf('giấy khai sinh bị mất, xã nói sổ lưu cũng bị hư do lụt')).toEqual(['reissue', 'reregister']);
    // The register named in full, with its year: "sổ đăng ký khai sinh năm 1990 cũng không còn".
    expect(actionsOf('giấy khai sinh bị cháy, xã nói sổ đăng ký khai sinh năm 1990 cũng không còn')).toEqual(['reissue', 'reregister']);
    expect(actionsOf('sổ gốc vẫn còn, giấy khai sinh bị mất thì làm sao')).not.toContain('reregister');
    // A birth never registered has no extract to copy; a civil paper damaged beyond reading is mended by one.
    expect(actionsOf('con 5 tuổi vẫn chưa làm giấy khai sinh, con sinh ở trạm xá nhưng làm mất giấy chứng sinh')).toEqual(['reissue']);
    expect(actionsOf('giấy chứng nhận kết hôn của tôi bị mối ăn rách hết, không đọc được')).toContain('copy');
    expect(actionsOf('thẻ căn cước ghi sai năm sinh so với giấy khai sinh, giờ sửa thẻ')).not.toContain('copy');
    // "Làm lại" is everyday for "get a new one", not the legal re-registration.
    expect(actionsOf('mất giấy khai sinh bản chính của con, làm lại ở đâu')).toEqual(['copy', 'reissue']);
  });

  it('takes the plain act asked for over what the story says happened, but keeps a loss', () => {
    const reRegister = understand('Đi du học về thì bị xóa thường trú. Giờ mình muốn đăng ký thường trú lại vào nhà bố mẹ thì làm sao?');
    expect(reRegister.actions.actions.size).toBe(0);
    const deletion = understand('Nghe nói đi làm xa sẽ bị xóa hộ khẩu ở quê. Có đúng không, nếu bị xóa rồi thì tôi phải làm gì?');
    expect(deletion.actions.actions.has('delete')).toBe(true);
    const lost = understand('Con tôi làm mất thẻ căn cước. Xin cấp ở đâu ạ?');
    expect(lost.actions.actions.has('reissue')).toBe(true);
    const abroad = understand('Chúng tôi đã đăng ký kết hôn tại Mỹ từ năm 2019. Nay về nước, có phải đăng ký kết hôn lại không, hay làm thủ tục gì để được công nhận?');
    expect(abroad.actions.actions.has('record')).toBe(true);
  });

  it('reads which paper was lost from the story when the asking part only says "cấp lại"', () => {
    const question = understand('Công chứng đòi giấy đăng ký kết hôn mà tôi làm mất rồi. Tôi xin cấp lại bản chính được không?');
    expect([...question.actions.actions].sort()).toEqual(['copy', 'reissue']);
  });

  it('reads a foreign element from countries and nationalities, not from words that only look alike', () => {
    expect(detectActions('chồng em quốc tịch Hàn Quốc').modifiers.has('foreign')).toBe(true);
    expect(detectActions('bạn trai em người Úc').modifiers.has('foreign')).toBe(true);
    expect(detectActions('người lao động đi làm ở khu công nghiệp').modifiers.has('foreign')).toBe(false);
    expect(detectActions('em cho ông khách Tây thuê phòng homestay').modifiers.has('foreign')).toBe(true);
    expect(detectActions('chuyên gia người Ấn Độ, visa sắp hết hạn').modifiers.has('foreign')).toBe(true);
    for (const text of ['tôi là người Thái ở Sơn La', 'người anh cả của tôi', 'nhà ông Đức hàng xóm', 'chị Nga bán hàng']) {
      expect(detectActions(text).modifiers.has('foreign'), text).toBe(false);
    }
    expect(detectActions('sổ hồng nhà tôi').actions.has('exchange')).toBe(false);
  });
});

describe('actionsOfTitle', () => {
  it('reads what a procedure does from its official title', () => {
    expect(actionsOfTitle('Cấp lại thẻ căn cước')).toMatchObject({ base: false, actions: new Set(['reissue']) });
    expect(actionsOfTitle('Cấp, cấp đổi, cấp lại thẻ căn cước')).toMatchObject({ base: true, actions: new Set(['exchange', 'reissue']) });
    expect(actionsOfTitle('Thủ tục đăng ký khai sinh có yếu tố nước ngoài')).toMatchObject({ base: true, modifiers: new Set(['foreign']) });
    expect(actionsOfTitle('Thủ tục đăng ký lại khai sinh')).toMatchObject({ base: false, actions: new Set(['reregister']) });
    expect(actionsOfTitle('Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT').actions).toEqual(new Set(['reissue', 'exchange', 'amend']));
    expect(actionsOfTitle('Đăng ký xe (xe máy) — đăng ký mới, cấp biển số, sang tên')).toMatchObject({ base: true, actions: new Set(['transfer']) });
    // Certifying is what the procedure is, so its title still performs the plain action.
    expect(actionsOfTitle('Chứng thực hợp đồng, giao dịch liên quan đến tài sản')).toMatchObject({ base: true, actions: new Set(['certify']) });
  });

  it('does not set back a certification asked for with the deal it certifies', () => {
    const asked = detectActions('chứng thực hợp đồng chuyển nhượng đất ở xã được không');
    expect([...asked.actions].sort()).toEqual(['certify', 'transfer']);
    expect(actionAgreement(asked, actionsOfTitle('Chứng thực hợp đồng, giao dịch liên quan đến tài sản'))).toBeGreaterThan(1);
    expect(actionAgreement(detectActions('làm hợp đồng mua bán đất'), actionsOfTitle('Chứng thực hợp đồng, giao dịch liên quan đến tài sản'))).toBeLessThan(1.01);
  });

  it('prefers a procedure that certifies when certifying is all that is asked', () => {
    const asked = detectActions('thuê mặt bằng bán hàng, hợp đồng thuê có cần ra phường chứng thực không');
    expect([...asked.actions]).toEqual(['certify']);
    expect(actionAgreement(asked, actionsOfTitle('Chứng thực hợp đồng, giao dịch liên quan đến tài sản'))).toBeGreaterThan(
      actionAgreement(asked, actionsOfTitle('Đăng ký thành lập hộ kinh doanh')),
    );
  });

  it('sets back a procedure that mainly does another action than the one asked, though its title names it too', () => {
    const adjust = 'Điều chỉnh quyết định giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất do sai sót';
    expect(actionsOfTitle(adjust)).toMatchObject({ head: 'amend', actions: new Set(['amend', 'change-use']) });
    expect(actionsOfTitle('Cấp, cấp đổi, cấp lại thẻ căn cước').head).toBeUndefined();
    expect(actionsOfTitle('Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT').head).toBeUndefined();
    const changeUse = detectActions('muốn chuyển đất nông nghiệp sang đất ở thì làm thủ tục gì');
    const plain = actionsOfTitle('Giao đất, cho thuê đất, chuyển mục đích sử dụng đất');
    expect(actionAgreement(changeUse, actionsOfTitle(adjust))).toBeLessThan(actionAgreement(changeUse, plain));
    expect(actionAgreement(detectActions('quyết định chuyển mục đích ghi sai diện tích, muốn điều chỉnh'), actionsOfTitle(adjust))).toBeGreaterThanOrEqual(actionAgreement(changeUse, plain));
  });

  it('ranks the procedure that does what is asked above its siblings on the same object', () => {
    const lost = detectActions('mất thẻ căn cước');
    expect(actionAgreement(lost, actionsOfTitle('Cấp lại thẻ căn cước'))).toBeGreaterThan(actionAgreement(lost, actionsOfTitle('Cấp đổi thẻ căn cước')));
    const plain = detectActions('làm căn cước lần đầu cho con 14 tuổi');
    expect(actionAgreement(plain, actionsOfTitle('Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên'))).toBeGreaterThan(
      actionAgreement(plain, actionsOfTitle('Cấp lại thẻ căn cước')),
    );
    const certify = detectActions('giấy bán xe máy viết tay thì ra phường chứng thực chữ ký được không');
    expect(actionAgreement(certify, actionsOfTitle('Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản'))).toBeGreaterThan(
      actionAgreement(certify, actionsOfTitle('Đăng ký sang tên xe')),
    );
    const foreign = detectActions('kết hôn với người Hàn Quốc');
    expect(actionAgreement(foreign, actionsOfTitle('Thủ tục đăng ký kết hôn có yếu tố nước ngoài'))).toBeGreaterThan(
      actionAgreement(foreign, actionsOfTitle('Thủ tục đăng ký kết hôn')),
    );
  });
});

describe('detectScope', () => {
  it.each([
    ['tôi muốn ly hôn đơn phương thì nộp đơn ở đâu', 'court'],
    ['nguoi quen vay tien toi khong tra, toi muon kien', 'court'],
    ['anh em tranh chấp thừa kế căn nhà của bố mẹ', 'court'],
    ['hàng xóm trồng cây lấn sang đất tôi, tôi tự chặt cây thì có phạm tội không', 'rules'],
    ['vợ tự ký bán đất chung, hợp đồng đó có bị vô hiệu không, làm sao lấy lại đất', 'rules'],
    ['chồng lén bán đất, tôi có đòi lại được mảnh đất đó không', 'rules'],
    ['Is it legal for my landlord to keep my passport?', 'rules'],
    ['cô ấy chưa ly hôn mà cưới người khác như vậy có phạm luật không', 'rules'],
    ['thời tiết ngày mai thế nào', 'weather'],
    ['vé xe buýt bao nhiêu tiền', 'transport'],
    ['giá vàng hôm nay', 'prices'],
    ['đi khám trái tuyến bảo hiểm trả bao nhiêu', 'medical'],
    ['mua điện thoại cũ ở đâu uy tín', 'shopping'],
    ['bi thoi nong do con, bao lau moi lay lai xe', 'traffic'],
    ['hóa đơn tiền điện tháng này tăng gấp đôi', 'utilities'],
    ['bị giữ bằng lái, giờ muốn lấy lại bằng lái thì làm sao', 'traffic'],
    ['đổi căn cước rồi thì ngân hàng có tự cập nhật không', 'banking'],
    ['where can I buy a second-hand motorbike', 'shopping'],
    ['chủ nhà không trả lại tiền cọc khi tôi dọn đi thì làm sao', 'court'],
    ['con tôi muốn chuyển trường từ quận khác về thì làm thế nào', 'education'],
    ['cong ty no luong 3 thang roi, toi phai lam gi', 'labour'],
    ['my employer has not paid me for two months, what can I do', 'labour'],
    ['sim điện thoại của tôi bị khóa 2 chiều vì chưa chuẩn hóa thông tin thuê bao, làm sao mở', 'telecom'],
    ['o phuong co cho nao tim viec lam khong', 'labour'],
    ['Tôi muốn xin trợ cấp thất nghiệp thì nộp hồ sơ ở đâu?', 'labour'],
    ['Xin visa đi Hàn Quốc cần những giấy tờ gì?', 'abroad'],
    ['visa đi Nhật du lịch làm ở đâu', 'abroad'],
    ['Hàng xóm xây nhà không phép, công trình sai phép bị phạt bao nhiêu tiền, có bị buộc tháo dỡ không?', 'rules'],
    ['hộ kinh doanh bán đồ ăn thì thuế GTGT tính theo tỷ lệ bao nhiêu phần trăm', 'rules'],
    ['Can I, as a foreigner, buy a house with its own land in this ward?', 'rules'],
    ['căn hộ đối diện tối nào cũng hát karaoke đến nửa đêm, tôi phải làm sao', 'court'],
    ['vay mua nhà, giờ trả hết nợ trước hạn thì ngân hàng đòi phí phạt 3% có đúng không', 'banking'],
    ['Bố tôi viết di chúc tay không có người làm chứng thì di chúc đó có hiệu lực không?', 'court'],
    ['hợp đồng mua bán đất viết giấy tay có hợp pháp không', 'court'],
    ['Bố mất không để lại di chúc, hai chị gái không chịu ký để sang tên sổ đỏ, tôi phải làm gì?', 'court'],
    ['con riêng của chồng có thuộc hàng thừa kế thứ nhất không', 'court'],
    ['giá gửi xe máy ở bãi tối đa bao nhiêu một lượt', 'prices'],
    ['đi khám thông tuyến huyện thì có được hưởng đủ không', 'medical'],
    ['Recommend a good Korean drama', 'leisure'],
    ['Ông bà để lại di chúc miệng, giờ các chú tranh giành, ai đúng?', 'court'],
    ['my landlord refuses to return my deposit, what can I do', 'court'],
    ['muốn mua bảo hiểm nhân thọ thì nên chọn công ty nào', 'shopping'],
    ['Nhà bên cạnh xây nhà làm nứt tường nhà tôi, họ không chịu bồi thường', 'court'],
    ['bị tai nạn giao thông, bên kia bỏ chạy, giờ tôi muốn đòi bồi thường', 'court'],
  ])('%s → %s', (text, topic) => {
    expect(detectScope(text)).toBe(topic);
  });

  it('reads past folding collisions: "sống" is no song, "người mua báo" no storm', () => {
    expect(detectScope('chú tôi sống lang thang rồi mất ở xã tôi, làm giấy chứng tử ở đâu')).toBeUndefined();
    expect(detectScope('người mua báo tôi phải làm thủ tục thu hồi giấy đăng ký xe trước')).toBeUndefined();
    expect(detectScope('sing a song for me')).toBe('leisure');
  });

  it('does not take a will that was not certified for heirs who certify their agreement', () => {
    expect(understand('Cha viết tay di chúc, có người làm chứng chứ không chứng thực ở đâu cả. Di chúc như vậy có hợp lệ không?').scope?.topic).toBe('court');
    expect(understand('Anh em đã thống nhất chia đất, muốn chứng thực văn bản thỏa thuận phân chia di sản ở đâu?').scope).toBeUndefined();
  });

  it('takes a court matter\'s exception from the story too: a boundary dispute the ward mediates first', () => {
    const question = understand('Nhà tôi với nhà bên cạnh cãi nhau về ranh giới đất. Tôi muốn kiện ra tòa thì nghe nói phải hòa giải trước, đơn nộp ở đâu?');
    expect(question.scope).toBeUndefined();
  });

  it('leaves procedures alone: land disputes are mediated by the ward, complaints and a divorced person\'s certificate are procedures', () => {
    expect(detectScope('hàng xóm lấn đất, tranh chấp ranh giới')).toBeUndefined();
    expect(detectScope('tôi muốn khiếu nại quyết định của phường')).toBeUndefined();
    expect(detectScope('đã ly hôn xin giấy xác nhận độc thân')).toBeUndefined();
    expect(detectScope('ý kiến của tôi về thủ tục đăng ký kết hôn')).toBeUndefined();
    expect(detectScope('mua xe cũ thì sang tên ở đâu')).toBeUndefined();
    expect(detectScope('nộp hồ sơ rồi còn bao lâu nữa thì có kết quả')).toBeUndefined();
    expect(detectScope('bị phạt lỗi chạy quá tốc độ oan, tôi muốn khiếu nại quyết định xử phạt')).toBeUndefined();
    expect(detectScope('đăng ký sử dụng hóa đơn điện tử cho hộ kinh doanh')).toBeUndefined();
    expect(detectScope('hộ nghèo vay ngân hàng chính sách được hỗ trợ lãi suất không')).toBeUndefined();
    expect(detectScope('tôi muốn mở tiệm sửa xe thì đăng ký hộ kinh doanh thế nào')).toBeUndefined();
    expect(detectScope('mua bảo hiểm y tế hộ gia đình ở đâu')).toBeUndefined();
    expect(detectScope('ủy quyền cho vợ lĩnh thay trợ cấp thất nghiệp thế nào')).toBeUndefined();
    expect(detectScope('cháu tôi muốn làm hộ chiếu để đi du học')).toBeUndefined();
    expect(detectScope('mua đất bằng giấy tay năm 2005, giờ làm sổ đỏ lần đầu được không')).toBeUndefined();
    expect(detectScope('Trễ hạn khai báo tạm trú cho người thuê thì bị phạt bao nhiêu?')).toBeUndefined();
    expect(detectScope('nhà mình 4 người muốn mua bhyt hộ gia đình, mua ở đâu')).toBeUndefined();
    // A stay in hospital is why a sickness benefit or a collection by proxy is asked for; a trip, why a card is lost.
    expect(detectScope('con em nằm viện 1 tuần, em có đóng bhxh, được hưởng tiền nghỉ con ốm không')).toBeUndefined();
    expect(detectScope('bố tôi nằm viện, giấy ủy quyền nhận thay lương hưu sắp hết hạn')).toBeUndefined();
    expect(detectScope('đi du lịch bị mất túi xách có thẻ căn cước, làm lại ở đâu')).toBeUndefined();
    expect(detectScope('tài sản chung của hai vợ chồng, thủ tục thêm tên vợ vào sổ đỏ thế nào')).toBeUndefined();
    expect(detectScope('con bị sốt, nằm viện mấy ngày thì bảo hiểm y tế trả bao nhiêu')).toBe('medical');
    expect(detectScope('đi du lịch Đà Lạt mùa nào đẹp')).toBe('leisure');
    // Folding collisions of the law's questions: "vi phạm. Tôi", "bị từ chối", "cô tôi".
    expect(detectScope('Cán bộ bỏ qua vi phạm. Tôi muốn gửi đơn tố cáo không ghi tên thì có được không?')).toBeUndefined();
    expect(detectScope('Giấy khai sinh đã ép plastic, mang đi chứng thực bản sao có bị từ chối không?')).toBeUndefined();
    expect(detectScope('cô tôi muốn làm giấy khai sinh cho con')).toBeUndefined();
    expect(detectScope('bán hàng online trên tiktok thì có phải đăng ký hộ kinh doanh không')).toBeUndefined();
    expect(detectScope('người nhà mất ở bệnh viện, có giấy báo tử rồi, giờ làm tiếp gì')).toBeUndefined();
    expect(detectScope('con tôi sắp đi du học Úc 3 năm, có phải khai báo tạm vắng không')).toBeUndefined();
    expect(detectScope('giấy ly hôn của tòa án nước ngoài, giờ ghi chú ly hôn ở đâu')).toBeUndefined();
    expect(detectScope('đi du học Hàn cần lý lịch tư pháp số 2, em làm ở đâu ạ')).toBeUndefined();
    expect(detectScope('Bố mẹ mất, anh em đã thống nhất, làm văn bản thỏa thuận phân chia di sản ở xã được không?')).toBeUndefined();
    expect(detectScope('chia di sản thừa kế xong thì chứng thực văn bản ở đâu')).toBeUndefined();
  });
});

describe('folding collisions and disputes a ward cannot settle', () => {
  it.each([
    'Tôi muốn cấp lại thẻ vì bị mất ví',
    'Thẻ căn cước ghi sai quê quán, có được đổi lại không?',
    'Đã nộp lệ phí mà hồ sơ bị trả lại, có được đòi lại tiền không?',
    'Tôi muốn xin giấy phép kinh doanh karaoke thì cần hồ sơ gì?',
    'Chủ nhà không chịu ký xác nhận cho tôi đăng ký tạm trú, tôi phải làm sao?',
    'Cán bộ phường không chịu ký giấy xác nhận cho tôi thì khiếu nại ở đâu?',
    'Bố mất, những người thuộc hàng thừa kế thứ nhất cần giấy tờ gì để sang tên sổ đỏ?',
    'Hàng xóm tranh chấp nhà đất với tôi thì nộp đơn ở đâu',
    'Em làm khai sinh cho con ở phường được không cần giấy tờ gì. Con em sinh ở bệnh viện tỉnh.',
    'Tôi có thể sống ở nhà bố mẹ mà đăng ký thường trú ở đây được không?',
    'Con trai tôi đi du học có được tạm hoãn nghĩa vụ quân sự không?',
    'Hộ nghèo được hỗ trợ lãi suất vay vốn như thế nào?',
    'Người cao tuổi trên 80 mỗi tháng được phát bao nhiêu tiền?',
    'Con tôi tỷ lệ thương tật 81 phần trăm, có được hưởng trợ cấp không?',
  ])('%s is asked about a procedure', (text) => {
    expect(understand(text).scope?.asked ?? false).toBe(false);
  });

  it.each([
    'Bố mất, hai chị gái không chịu ký văn bản thỏa thuận phân chia di sản, tôi phải làm gì?',
    'Mẹ mất, em trai không chịu ký công chứng văn bản khai nhận di sản, tôi phải làm sao?',
    'Hàng xóm nợ tiền không trả, đã hòa giải ở phường không thành, giờ tôi kiện thế nào?',
  ])('%s is for the court: someone refuses or the mediation failed', (text) => {
    expect(understand(text).scope).toEqual({ topic: 'court', asked: true });
  });

  it('reads "sửa thế nào" as no card, notes on a form as no record, a married couple\'s birth as no combined file', () => {
    expect(understand('Giấy khai sinh ghi sai ngày sinh, sửa thế nào ạ?').actions.actions.has('exchange')).toBe(false);
    expect(understand('Trong tờ khai có mục ghi chú thì ghi gì ạ?').actions.actions.has('record')).toBe(false);
    expect(understand('Em đã đăng ký kết hôn ở Hàn Quốc rồi, giờ về nước thì làm thủ tục gì?').actions.actions.has('record')).toBe(true);
    expect(understand('Mất căn cước, muốn làm lại nhanh nhất').actions.actions.has('reissue')).toBe(true);
    expect(understand('trả nợ xong thì giải thế chấp sổ đỏ').actions.actions.has('terminate')).toBe(false);
    expect(understand('Vợ chồng tôi đã kết hôn, làm khai sinh cho con thì có ghi tên bố không?').actions.modifiers.has('combined')).toBe(false);
  });
});

describe('intents', () => {
  it.each(['gặp cán bộ', 'cho tôi gặp cán bộ', 'nói chuyện với người thật', 'noi chuyen voi nguoi that', 'can bo oi', 'I want to talk to a person', 'can I speak with an official?'])(
    '%s asks for a person',
    (text) => {
      expect(asksForPerson(text)).toBe(true);
    },
  );

  it('does not read a question about officials\' own procedures, or a long story, as a request for a person', () => {
    expect(asksForPerson('chế độ hưu trí của cán bộ xã')).toBe(false);
    expect(asksForPerson('hôm trước tôi đã gặp cán bộ ở phường, cán bộ bảo tôi về làm lại tờ khai nhưng tôi không biết điền mục nơi cư trú thế nào cho đúng')).toBe(false);
  });

  it.each([
    ['có', 'yes'],
    ['Vâng ạ', 'yes'],
    ['ừ', 'yes'],
    ['ok', 'yes'],
    ['yes please', 'yes'],
    ['không', 'no'],
    ['không cần đâu', 'no'],
    ['no thanks', 'no'],
    ['có giấy tờ gì', undefined],
  ])('%s → %s', (text, reply) => {
    expect(readYesNo(text)).toBe(reply);
  });
});

describe('understand', () => {
  it('analyses a message once into what retrieval and the dialogue read', () => {
    const question = understand('Cháu tôi đi làm ăn xa, bị mất CCCD. Xin hỏi làm lại ở phường hết bao nhiêu tiền?');
    expect(question).toMatchObject({ language: 'vi', aspect: 'fee', wantsPerson: false });
    expect(question.actions.actions.has('reissue')).toBe(true);
    expect(question.clauses.filter((c) => c.asking).map((c) => c.text)).toEqual(['Xin hỏi làm lại ở phường hết bao nhiêu tiền?']);
    expect(question.words).toContain('can');
  });

  it('reads the actions asked for in the asking part, the story\'s only when the asking part names none', () => {
    const question = understand('Hộ kinh doanh nhà em do cả gia đình đứng tên. Giờ muốn tạm ngừng 6 tháng thì hồ sơ gồm những gì?');
    expect([...question.actions.actions]).toEqual(['suspend']);
    const story = understand('Sổ đỏ nhà em bị mất rồi. Giờ làm thế nào?');
    expect(story.actions.actions.has('reissue')).toBe(true);
  });

  it('counts a bank\'s rules as not the ward\'s only when asked, not when the bank is why a paper is needed', () => {
    expect(understand('Tôi mới đổi thẻ căn cước. Ngân hàng có tự cập nhật không hay tôi phải ra quầy?').scope).toEqual({ topic: 'banking', asked: true });
    expect(understand('Ngân hàng bảo tài khoản có bị khóa nếu không có giấy xác nhận số CMND cũ. Xin giấy đó ở công an phường được không?').scope).toBeUndefined();
  });

  it('counts schools and work as not the ward\'s only when asked, and not when a ward paper is what is asked for', () => {
    expect(understand('Con tôi năm nay vào lớp 1. Thủ tục nhập học gồm những gì?').scope).toEqual({ topic: 'education', asked: true });
    expect(understand('Con tôi năm nay vào lớp 1. Xin bản sao giấy khai sinh ở đâu?').scope).toBeUndefined();
    expect(understand('Trường yêu cầu nộp giấy xác nhận cư trú khi nhập học, xin ở đâu?').scope).toBeUndefined();
    expect(understand('Tôi bị công ty sa thải. Giờ muốn đăng ký tạm trú ở chỗ trọ mới thì làm sao?').scope).toBeUndefined();
    expect(understand('Công ty chưa trả lương mấy tháng nay, tôi phải làm sao?').scope).toEqual({ topic: 'labour', asked: true });
    expect(understand("How do I get a copy of the birth certificate for my child's school?").scope).toBeUndefined();
    expect(understand('My employer asks for a residence confirmation, how do I get one?').scope).toBeUndefined();
  });

  it('does not read a topic into words that fold alike: "dịch vụ không?", "nghĩa vụ không", "tặng cả"', () => {
    expect(understand('Làm giấy khai sinh có mất phí dịch vụ không?').scope).toBeUndefined();
    expect(understand('Con trai tôi 18 tuổi có phải đăng ký nghĩa vụ không').scope).toBeUndefined();
    expect(understand('Bố mẹ muốn tặng cả mảnh đất cho con thì làm thủ tục gì?').scope).toBeUndefined();
  });

  it('keeps the conversation\'s language for one or two words', () => {
    expect(understand('ok', { language: 'en' }).language).toBe('en');
    expect(understand('Where is the ward office?').language).toBe('en');
  });

  it('says when a court matter is asked, and when it only appears in the story', () => {
    expect(understand('Chồng tôi không chịu ký. Tôi muốn ly hôn đơn phương thì làm sao?').scope).toEqual({ topic: 'court', asked: true });
    expect(understand('Vợ chồng tôi đã thuận tình ly hôn năm ngoái. Giờ tôi xin giấy xác nhận tình trạng hôn nhân ở đâu?').scope).toEqual({ topic: 'court', asked: false });
  });
});
