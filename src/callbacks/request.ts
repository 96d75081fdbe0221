import { z } from 'zod';
import { normalizePhone } from './phone.js';

/**
 * A website visitor's call-back request (`POST /api/callbacks`, docs/kiosk-ui.md "Call-back"): a name, a phone the
 * official can dial, and the visitor's explicit consent to keep both (sealed) until the retention purge.
 */
export const CallbackRequestSchema = z.strictObject({
  name: z
    .string({ error: 'Vui lòng nhập họ tên.' })
    .trim()
    .min(2, { error: 'Vui lòng nhập họ tên (ít nhất 2 chữ).' })
    .max(100, { error: 'Họ tên dài quá 100 ký tự.' }),
  phone: z
    .string({ error: 'Vui lòng nhập số điện thoại.' })
    .max(30, { error: 'Số điện thoại không hợp lệ.' })
    .transform((value, ctx) => {
      const phone = normalizePhone(value);
      if (phone === undefined) {
        ctx.addIssue({ code: 'custom', message: 'Số điện thoại chưa đúng (ví dụ 0912 345 678).' });
        return z.NEVER;
      }
      return phone;
    }),
  consent: z.literal(true, { error: 'Cần đánh dấu đồng ý thì cán bộ mới được lưu số và gọi lại cho bạn.' }),
  sessionId: z.string().min(8).max(64).optional(),
  language: z.enum(['vi', 'en']).default('vi'),
});

export type CallbackRequestInput = z.infer<typeof CallbackRequestSchema>;
