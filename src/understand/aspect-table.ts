import type { Aspect } from './types.js';

/**
 * One row per aspect. `asks` are the ways a citizen asks about it, written folded (no diacritics, lower case) and
 * matched as whole words, with a weight: 3 = says the aspect outright, 2 = usually means it, 1 = a weak hint that
 * loses to anything stronger ("hồ sơ" alone, "có được không"). `mentions` are words that show an official's note
 * speaks about the aspect, so the note can follow the answer.
 */
export interface AspectRow {
  aspect: Exclude<Aspect, 'general'>;
  asks: Record<string, 1 | 2 | 3>;
  mentions: string[];
}

export const ASPECT_TABLE: readonly AspectRow[] = [
  {
    aspect: 'documents',
    asks: {
      'giay to': 3, 'giay gi': 3, 'can mang': 3, 'mang theo': 3, 'mang gi': 3, 'chuan bi gi': 3,
      'chuan bi nhung gi': 3, 'can chuan bi': 3, 'can gi': 3, 'can nhung gi': 3, 'thanh phan ho so': 3,
      'ho so gom': 3, 'ho so can': 3, 'can ho so': 3, 'ho so gi': 3, 'nop gi': 3, 'nop nhung gi': 3,
      'giay to gi': 3, 'ho so': 1,
      papers: 3, paper: 3, documents: 3, document: 3, paperwork: 3, bring: 3, 'what to bring': 3,
      requirements: 2, 'what do i need': 2,
    },
    mentions: ['giay to', 'ban sao', 'ban chinh', 'hop dong', 'to khai', 'chung thuc', 'cong chung', 'uy quyen'],
  },
  {
    aspect: 'fee',
    asks: {
      'le phi': 3, phi: 3, 'bao nhieu tien': 3, 'mat tien': 3, 'ton tien': 3, 'mat phi': 3, 'mien phi': 3,
      'tra tien': 3, 'dong tien': 3, 'nop tien': 3, 'chi phi': 3, 'het bao nhieu': 2, 'mat bao nhieu': 2,
      'bao nhieu': 1,
      fee: 3, fees: 3, cost: 3, costs: 3, 'how much': 3, price: 3, charge: 3, pay: 3, free: 2,
    },
    mentions: ['le phi', 'phi', 'mien phi'],
  },
  {
    aspect: 'time',
    asks: {
      'bao lau': 3, 'may ngay': 3, 'bao nhieu ngay': 3, 'thoi gian': 3, 'thoi han': 3, 'bao gio co': 3,
      'bao gio xong': 3, 'khi nao co': 3, 'khi nao xong': 3, 'may hom': 3, 'lau khong': 3, 'bao nhieu lau': 3,
      'bao gio': 2, 'khi nao': 2,
      'how long': 3, 'how many days': 3, 'processing time': 3, 'when will': 2, 'how soon': 3,
    },
    mentions: ['ngay', 'gio', 'thoi han', 'tuan', 'thang'],
  },
  {
    aspect: 'where',
    asks: {
      'o dau': 3, 'nop o dau': 3, 'lam o dau': 3, 'co quan nao': 3, 'noi nao': 3, 'noi nop': 3, 'cho nao': 3,
      'tai dau': 3, 'den dau': 3, 'dia chi': 3, 'quay nao': 3, 'len dau': 3, 'noi lam': 3,
      where: 3, 'which office': 3, 'what office': 3, address: 3, location: 3,
    },
    mentions: ['noi thuong tru', 'noi tam tru', 'noi cu tru', 'lam tai', 'nop tai', 'khong giai quyet tai'],
  },
  {
    aspect: 'steps',
    asks: {
      'cac buoc': 3, 'trinh tu': 3, 'lam the nao': 3, 'lam sao': 3, 'cach lam': 3, 'quy trinh': 3,
      'lam nhu the nao': 3, 'cach thuc': 3, 'thu tuc the nao': 3, 'the nao': 1, 'ra sao': 1, 'huong dan': 1,
      'how to': 2, 'how do i': 2, 'how can i': 2, steps: 3, step: 3, procedure: 1, process: 2,
    },
    mentions: ['buoc'],
  },
  {
    aspect: 'conditions',
    asks: {
      'dieu kien': 3, 'ai duoc': 3, 'doi tuong': 3, 'ai co the': 3, 'duoc huong': 3, 'ai phai': 3,
      'co duoc khong': 1, 'duoc khong': 1,
      eligible: 3, eligibility: 3, conditions: 3, condition: 3, 'who can': 3, qualify: 3,
    },
    mentions: ['dieu kien', 'doi tuong', 'chi chinh', 'moi duoc', 'khong duoc'],
  },
  {
    aspect: 'online',
    asks: {
      'truc tuyen': 2, online: 2, 'qua mang': 2, 'tren mang': 2, vneid: 2, 'dich vu cong': 2, 'nop online': 2,
      'tren dien thoai': 2, 'qua app': 2, 'ung dung': 2, internet: 2, website: 2, portal: 2, app: 2,
    },
    mentions: ['truc tuyen', 'vneid', 'dich vu cong', 'online'],
  },
  {
    aspect: 'result',
    asks: {
      'nhan duoc gi': 3, 'duoc cap gi': 3, 'nhan gi': 3, 'duoc gi': 2, 'ket qua': 2,
      'what do i get': 3, 'what will i get': 3, 'what will i receive': 3, receive: 2, result: 2, outcome: 2,
    },
    mentions: ['ket qua'],
  },
];
