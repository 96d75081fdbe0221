import type { Language } from '../../../text/index.js';
import type { ScopeTopic } from '../../../understand/index.js';

/*
 * Replies for topics no ward procedure deals with. Each says plainly that it is not the ward's, and where the
 * citizen can turn instead, with nothing the knowledge base could not back: no address, no phone number, no fee.
 * Court matters also name the free mediation at the grassroots that may come first (docs/understanding.md).
 */
const REFERRALS: Record<ScopeTopic, { vi: string; en: string }> = {
  court: {
    vi:
      'Dạ, việc này (ly hôn, chia tài sản, tranh chấp thừa kế, vay nợ, khởi kiện) do Tòa án nhân dân giải quyết, không phải thủ tục hành chính tại phường. '
      + 'Bạn nộp đơn khởi kiện hoặc đơn yêu cầu tại Tòa án nhân dân có thẩm quyền (có thể gửi trực tuyến qua Cổng dịch vụ công). '
      + 'Trước đó, tổ hòa giải ở thôn, tổ dân phố có thể giúp các bên hòa giải (hòa giải ở cơ sở, không mất phí); với tranh chấp đất đai, phường tổ chức hòa giải trước khi ra tòa. '
      + 'Bạn cũng có thể hỏi Trung tâm trợ giúp pháp lý nhà nước của tỉnh hoặc một luật sư.',
    en:
      'This (divorce, dividing property, an inheritance dispute, a debt, a lawsuit) is decided by the People’s Court, not by an administrative procedure at the ward. '
      + 'You file a claim or a petition with the competent People’s Court (it can also be sent online through the National Public Service Portal). '
      + 'Before that, the mediation team of your residential group can help both sides settle (grassroots mediation, free of charge); for a land dispute, the ward holds a mediation first. '
      + 'The province’s state legal aid centre or a lawyer can also advise you.',
  },
  weather: {
    vi: 'Dạ, tôi chỉ hỗ trợ thủ tục hành chính của phường nên không có thông tin thời tiết. Bạn xem bản tin dự báo thời tiết trên truyền hình, đài phát thanh hoặc trang của cơ quan khí tượng thủy văn.',
    en: 'I only help with the ward’s administrative procedures, so I have no weather information. Please check the weather forecast on TV, radio or the national hydro-meteorological service’s website.',
  },
  prices: {
    vi: 'Dạ, tôi chỉ hỗ trợ thủ tục hành chính nên không có thông tin giá cả thị trường. Lệ phí của một thủ tục thì tôi trả lời được: bạn hỏi tên thủ tục kèm “lệ phí bao nhiêu” nhé.',
    en: 'I only help with administrative procedures, so I have no market prices. I can tell you the fee of a procedure: ask for the procedure with “how much is the fee”.',
  },
  transport: {
    vi: 'Dạ, giá vé và giờ chạy xe buýt, tàu xe không thuộc thủ tục của phường. Bạn xem tại trạm xe buýt, bến xe hoặc trang, ứng dụng của đơn vị vận tải.',
    en: 'Bus and train fares and timetables are not a ward procedure. Please check at the bus stop or station, or on the transport operator’s website or app.',
  },
  medical: {
    vi: 'Dạ, quy định khám chữa bệnh và mức hưởng bảo hiểm y tế do cơ sở y tế và cơ quan bảo hiểm xã hội hướng dẫn, không phải thủ tục tại phường. Bạn hỏi bộ phận bảo hiểm y tế của bệnh viện, trạm y tế phường hoặc cơ quan bảo hiểm xã hội nơi cấp thẻ.',
    en: 'Rules on medical treatment and what health insurance pays are set out by the hospital and the social insurance agency, not by a ward procedure. Please ask the hospital’s health-insurance desk, the ward’s health station or the social insurance office that issued your card.',
  },
  news: {
    vi: 'Dạ, tôi chỉ hỗ trợ thủ tục hành chính của phường nên không có tin tức, kết quả thể thao hay xổ số.',
    en: 'I only help with the ward’s administrative procedures, so I have no news, sports results or lottery numbers.',
  },
  traffic: {
    vi: 'Dạ, mức phạt vi phạm giao thông, việc tạm giữ giấy phép lái xe hay phương tiện do đơn vị công an đã lập biên bản giải quyết, theo biên bản và quyết định xử phạt, không phải thủ tục tại phường. Bạn mang biên bản đến đơn vị đó để được hướng dẫn. Nếu không đồng ý với quyết định xử phạt, bạn có quyền khiếu nại: hỏi tôi “thủ tục khiếu nại” nhé.',
    en: 'Traffic fines and a withheld driving licence or vehicle are handled by the police unit that wrote the report, under that report and the penalty decision, not by a ward procedure. Take the report to that unit for guidance. If you disagree with the decision, you have the right to complain: ask me about the complaint procedure.',
  },
  utilities: {
    vi: 'Dạ, hóa đơn, công tơ và việc cấp điện, nước do công ty điện lực hoặc công ty cấp nước giải quyết, không phải thủ tục tại phường. Bạn liên hệ tổng đài chăm sóc khách hàng ghi trên hóa đơn.',
    en: 'Bills, meters and the supply of electricity and water are handled by the power or water company, not by a ward procedure. Please call the customer service line printed on your bill.',
  },
  banking: {
    vi: 'Dạ, tài khoản, sổ tiết kiệm, lãi suất và khoản vay do ngân hàng của bạn quy định, không phải thủ tục tại phường. Bạn hỏi quầy giao dịch hoặc tổng đài của ngân hàng. Nếu ngân hàng cần một giấy tờ của phường hay công an (như giấy xác nhận số chứng minh nhân dân cũ), bạn hỏi tôi tên giấy đó nhé.',
    en: 'Accounts, savings books, interest and loans are set by your bank, not by a ward procedure. Please ask at the bank’s counter or its hotline. If the bank needs a paper from the ward or the police (such as a confirmation of your old ID number), ask me about that paper.',
  },
  shopping: {
    vi: 'Dạ, tôi chỉ hỗ trợ thủ tục hành chính của phường nên không tư vấn mua bán, cửa hàng hay dịch vụ. Nếu việc mua bán cần giấy tờ (như sang tên xe, chứng thực hợp đồng), bạn hỏi tôi tên thủ tục đó nhé.',
    en: 'I only help with the ward’s administrative procedures, so I cannot advise on buying, selling, shops or services. If a sale needs papers (such as transferring a vehicle or certifying a contract), ask me about that procedure.',
  },
  education: {
    vi: 'Dạ, việc nhập học, chuyển trường, học phí, thi cử và văn bằng do nhà trường và cơ quan giáo dục giải quyết, không phải thủ tục tại phường. Bạn hỏi trực tiếp nhà trường hoặc xem thông báo tuyển sinh của địa phương. Nếu trường cần giấy tờ của phường (như bản sao giấy khai sinh, xác nhận cư trú), bạn hỏi tôi tên giấy đó nhé.',
    en: 'Enrolment, school transfers, fees, exams and diplomas are handled by the school and the education authorities, not by a ward procedure. Please ask the school or see the local enrolment notice. If the school needs a paper from the ward (such as a copy of a birth certificate or a residence confirmation), ask me about that paper.',
  },
  labour: {
    vi: 'Dạ, tiền lương, hợp đồng lao động, việc cho thôi việc hay đóng bảo hiểm của công ty là việc giữa người lao động và người sử dụng lao động, không phải thủ tục tại phường. Bạn có thể nhờ công đoàn nơi làm việc, hòa giải viên lao động hoặc cơ quan quản lý nhà nước về lao động cấp tỉnh; nếu không giải quyết được thì có thể khởi kiện tại Tòa án nhân dân. Trợ cấp thất nghiệp thì bạn nộp hồ sơ tại Trung tâm dịch vụ việc làm của tỉnh, thành phố.',
    en: 'Wages, labour contracts, dismissal and an employer’s insurance contributions are a matter between the worker and the employer, not a ward procedure. The trade union at your workplace, a labour mediator or the province’s labour authority can help; if that fails, you can take the matter to the People’s Court. Unemployment benefit is claimed at the province’s employment service centre.',
  },
  telecom: {
    vi: 'Dạ, việc đăng ký, chuẩn hóa thông tin thuê bao hay khóa, mở SIM do nhà mạng giải quyết, không phải thủ tục tại phường. Bạn mang căn cước đến cửa hàng giao dịch của nhà mạng hoặc làm trên ứng dụng của nhà mạng.',
    en: 'Registering a SIM in your name, updating subscriber data or unlocking a SIM is done by the phone carrier, not by a ward procedure. Take your ID card to the carrier’s shop or use its app.',
  },
  abroad: {
    vi: 'Dạ, thị thực (visa) để đi nước ngoài và việc du học do đại sứ quán, lãnh sự quán của nước bạn đến và cơ sở đào tạo bên đó giải quyết, không phải thủ tục tại phường. Bạn xem hướng dẫn trên trang của cơ quan đại diện nước đó. Nếu hồ sơ cần giấy tờ của phường hoặc công an (hộ chiếu, lý lịch tư pháp, bản sao, xác nhận cư trú), bạn hỏi tôi tên giấy đó nhé.',
    en: 'A visa to travel abroad and studying abroad are handled by the embassy or consulate of the country you are going to and by the school there, not by a ward procedure. Please see that country’s embassy website. If your file needs a paper from the ward or the police (a passport, a criminal record certificate, a copy, a residence confirmation), ask me about that paper.',
  },
  rules: {
    vi: 'Dạ, mức phạt, thuế suất hay việc ai được sở hữu, được hưởng gì là do văn bản pháp luật quy định và cơ quan có thẩm quyền áp dụng cho từng trường hợp; tôi chỉ hướng dẫn thủ tục hành chính nên không trả lời thay được. Bạn hỏi cơ quan đã lập biên bản hoặc ra quyết định, cơ quan thuế, hoặc Trung tâm trợ giúp pháp lý nhà nước của tỉnh. Nếu bạn cần làm một thủ tục (xin phép, kê khai, đăng ký), bạn hỏi tôi tên thủ tục đó nhé.',
    en: 'Fines, tax rates and who may own or receive what are set by law and applied case by case by the competent authority; I only guide administrative procedures, so I cannot answer that for them. Please ask the authority that made the report or decision, the tax office, or the province’s state legal aid centre. If you need to file something (a permit, a declaration, a registration), ask me about that procedure.',
  },
  leisure: {
    vi: 'Dạ, tôi chỉ hỗ trợ thủ tục hành chính của phường nên không giúp được việc này.',
    en: 'I only help with the ward’s administrative procedures, so I cannot help with this.',
  },
};

/** The reply to a question about a topic no ward procedure deals with. */
export function composeReferral(topic: ScopeTopic, language: Language): string {
  const ask = language === 'en' ? 'Would you like to speak with an official?' : 'Bạn có muốn gặp cán bộ không?';
  return `${REFERRALS[topic][language]}\n\n${ask}`;
}
