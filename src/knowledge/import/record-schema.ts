import { z } from 'zod';
import { NationalCodeSchema } from '../schema.js';

// Cells the crawl may leave empty or omit; absent and "" mean the same.
const cell = z.string().default('');

/** One line of `dvc-procedures.jsonl`: a procedure of the national catalogue as crawled from dichvucong.gov.vn. */
export const DvcRecordSchema = z.object({
  ma_thu_tuc: NationalCodeSchema,
  detail_url: cell,
  ten_thu_tuc: z.string().trim().min(1, 'the procedure has no name'),
  so_quyet_dinh: cell,
  cap_thuc_hien: z.string().trim().min(1, 'no level given'),
  loai_thu_tuc: cell,
  linh_vuc: cell,
  doi_tuong_thuc_hien: cell,
  co_quan_co_tham_quyen: cell,
  dia_chi_tiep_nhan: cell,
  co_quan_duoc_uy_quyen: cell,
  co_quan_phoi_hop: cell,
  thu_tuc_lien_quan: cell,
  trinh_tu_thuc_hien: cell,
  cach_thuc_thuc_hien: cell,
  thanh_phan_ho_so: cell,
  can_cu_phap_ly: cell,
  co_quan_thuc_hien: cell,
  yeu_cau_dieu_kien: cell,
  ket_qua_xu_ly: cell,
  bo_nganh: cell,
});
export type DvcRecord = z.infer<typeof DvcRecordSchema>;
