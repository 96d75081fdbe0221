import { describe, expect, it } from 'vitest';
import { detectActions, detectScope, splitClauses, understand } from '../../../src/understand/index.js';

// Citizens' sentences a second reader tried on the fifth round's phrases: each folds into a phrase that means
// something else, or a rule reached too far (docs/understanding.md).
describe('the law\'s questions do not take ward questions', () => {
  it.each([
    'Tài khoản VNeID của tôi bị vô hiệu hóa, làm sao kích hoạt lại?',
    'Vợ Hiếu mới sinh em bé, làm khai sinh cho cháu thế nào?',
    'Nhà tôi còn quyển sổ hộ khẩu giấy, có cần nộp lại không?',
    'Con Quyên nhà tôi muốn làm căn cước thì cần mang gì?',
    'Con tôi họ là Phạm, tôi muốn đổi sang họ mẹ thì làm thế nào?',
    'Tôi có phạm tội năm 2010, đã được xóa án tích, xin lý lịch tư pháp có ghi không?',
    'Tôi ngồi từ 7 giờ sáng mà chưa tới lượt, làm sao để lấy số thứ tự online?',
    'Tôi từng ngồi tù 3 năm, giờ xin phiếu lý lịch tư pháp thì làm thế nào?',
    'Có người giả mạo chữ ký của tôi để sang tên đất, tôi tố cáo ở đâu?',
    'Tôi muốn tố cáo hàng xóm vi phạm pháp luật về xây dựng thì làm thế nào?',
    'Nghỉ việc rồi, muốn lấy lại tiền đóng bảo hiểm xã hội thì làm sao?',
    'Nhà đang sửa thì bị dừng thi công vì chưa có giấy phép, giờ xin giấy phép xây dựng ở đâu?',
    'Will it still be valid if I move to another ward?',
    'How do I report a crime?',
    'Nhà bị ngập do bão lũ, sổ đỏ bị ướt rách hết. Làm lại thế nào?',
  ])('%s', (text) => {
    expect(understand(text).scope).toBeUndefined();
  });

  it('still hears them when they are asked', () => {
    expect(detectScope('tôi tự chặt cây trên đất của mình thì có phạm tội không')).toBe('rules');
    expect(detectScope('hợp đồng mua bán đó có bị vô hiệu không')).toBe('rules');
    expect(detectScope('Is my will valid if it was not notarised?')).toBe('rules');
    expect(detectScope('Con ốm sốt cao, nên cho uống thuốc gì?')).toBe('medical');
  });
});

describe('actions read from the story', () => {
  it('keep a state to mend when the asking part asks for the plain act', () => {
    expect([...understand('Căn cước của tôi hết hạn. Giờ đăng ký làm mới ở đâu?').actions.actions]).toContain('exchange');
    expect([...understand('Giấy khai sinh của con em bị sai năm sinh. Em phải đăng ký ở đâu ạ?').actions.actions]).toContain('amend');
    expect([...understand('Tôi đã bán xe máy cho người khác rồi. Giờ giấy đăng ký xe thì xử lý thế nào?').actions.actions]).toContain('revoke');
  });

  it('do not read a sale, a foreign authority or a lost register where there is none', () => {
    expect(detectActions('Mình mua lại của bạn chiếc xe máy, giấy tờ đủ rồi, sang tên thế nào?').actions.has('revoke')).toBe(false);
    expect(detectActions('Tôi định bán xe nhưng mất giấy đăng ký rồi').actions.has('revoke')).toBe(false);
    expect(detectActions('Giấy khai sinh do phòng tư pháp cấp bị sai tên').actions.has('record')).toBe(false);
    expect(detectActions('Giấy kết hôn do UBND xã Phú Mỹ cấp bị mất').actions.has('record')).toBe(false);
    expect(detectActions('Sổ bộ nhà tôi bị mất rồi, giờ làm sao?').actions.has('reregister')).toBe(false);
    expect(detectActions('đi làm giấy khai sinh cho con thì mất ví có căn cước, cấp lại căn cước ở đâu').actions.has('copy')).toBe(false);
  });

  it('hear a foreign element only where there is one', () => {
    expect(detectActions('Em muốn kết hôn với người Tây thì làm thủ tục gì?').modifiers.has('foreign')).toBe(true);
    expect(detectActions('I came back from Japan after working there, how do I register my permanent residence again').modifiers.has('foreign')).toBe(false);
  });
});

describe('the asking part', () => {
  it('is a "phải làm gì" typed without a question mark', () => {
    expect(splitClauses('Không có CCCD phải làm gì. Tôi mới về quê').map((c) => c.asking)).toEqual([true, false]);
  });
});
