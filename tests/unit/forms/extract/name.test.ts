import { describe, expect, it } from 'vitest';
import { normaliseName, parseName } from '../../../../src/forms/index.js';

describe('normaliseName', () => {
  it.each([
    ['nguyễn văn  an', 'Nguyễn Văn An'],
    ['  NGUYỄN THỊ   HOA ', 'Nguyễn Thị Hoa'],
    ['đỗ đức đạt', 'Đỗ Đức Đạt'],
    ["h'hen niê", "H'Hen Niê"],
    ['y-moan enuôl', 'Y-Moan Enuôl'],
    ['nguyen van an', 'Nguyen Van An'],
    ['trần thị ngọc ánh'.normalize('NFD'), 'Trần Thị Ngọc Ánh'],
  ])('%j → %j', (input, output) => {
    expect(normaliseName(input)).toBe(output);
  });
});

describe('parseName', () => {
  it.each([
    ['nguyễn thị  hoa', 'Nguyễn Thị Hoa'],
    ['tên bé là trần minh khôi', 'Trần Minh Khôi'],
    ['Tên là Lê Văn Tám', 'Lê Văn Tám'],
    ['tôi tên Nguyễn Văn An ạ', 'Nguyễn Văn An'],
    ['tôi tên là nguyễn văn an', 'Nguyễn Văn An'],
    ['Tôi là Phạm Thị Lan, sinh ngày 12/3/1990', 'Phạm Thị Lan'],
    ['họ tên: LÊ VĂN TÁM', 'Lê Văn Tám'],
    ['Họ và tên:Đỗ Thị Ngọc', 'Đỗ Thị Ngọc'],
    ['ho ten: tran van b', 'Tran Van B'],
    ['ten be la tran minh khoi', 'Tran Minh Khoi'],
    ['Họ tên người chết là trần văn năm', 'Trần Văn Năm'],
    ['tên mẹ là Trần Thị Bình nhé', 'Trần Thị Bình'],
    ['tên Minh Anh Nguyễn', 'Minh Anh Nguyễn'],
    ['Trần Minh Khôi sinh ngày 12/3', 'Trần Minh Khôi'],
    ['Trần Minh Khôi, quê Nam Định', 'Trần Minh Khôi'],
  ])('%j → %j', (input, output) => {
    expect(parseName(input)).toBe(output);
  });

  it.each(['không biết', 'ok', 'vâng', 'tên bé là Khôi', '12/3/2024', '', 'Nguyễn V@n An', 'dạ chưa'])('returns undefined for %j', (input) => {
    expect(parseName(input)).toBeUndefined();
  });
});
