import { button, el } from '../shared/dom.js';

const TEXT = {
  vi: {
    offer: 'Nhờ cán bộ gọi lại',
    intro: 'Để lại họ tên và số điện thoại, cán bộ phường sẽ gọi lại cho bạn trong giờ làm việc.',
    name: 'Họ và tên',
    phone: 'Số điện thoại',
    consent: (days: number) =>
      `Tôi đồng ý để phường lưu họ tên và số điện thoại này để cán bộ gọi lại cho tôi. Thông tin được mã hóa, chỉ cán bộ phường xem, và được xóa sau ${days} ngày.`,
    send: 'Gửi yêu cầu gọi lại',
    sending: 'Đang gửi…',
    done: (phone: string) => `Đã ghi nhận yêu cầu. Cán bộ phường sẽ gọi lại cho bạn theo số ${phone} trong giờ làm việc.`,
    failed: 'Chưa gửi được yêu cầu, vui lòng thử lại sau.',
  },
  en: {
    offer: 'Ask an official to call me back',
    intro: 'Leave your name and phone number and a ward official will call you back during office hours.',
    name: 'Full name',
    phone: 'Phone number',
    consent: (days: number) =>
      `I agree that the ward keeps this name and phone number so that an official can call me back. They are encrypted, seen only by ward officials, and deleted after ${days} days.`,
    send: 'Send the call-back request',
    sending: 'Sending…',
    done: (phone: string) => `Request received. A ward official will call you back on ${phone} during office hours.`,
    failed: 'The request could not be sent, please try again later.',
  },
};

export interface CallbackFormOptions {
  /** The assistant's origin (`POST <origin>/api/callbacks`). */
  origin: string;
  language: 'vi' | 'en';
  retentionDays: number;
  /** The widget conversation's id, when it has one (links the request to its topic on the officials' desk). */
  sessionId: () => string | undefined;
  /** Unique within the page: ids tie labels and messages to their inputs. */
  idPrefix: string;
}

/**
 * The widget's optional call-back request under the ward's contact (docs/kiosk-ui.md, "Call-back"): a button that
 * opens a name + phone form with an explicit consent box; the server names any invalid field, shown beside it.
 */
export function renderCallbackOffer(options: CallbackFormOptions): HTMLElement {
  const text = TEXT[options.language];
  const wrap = el('div', 'callback');
  const offer = button(text.offer, () => {
    offer.replaceWith(buildForm(options, wrap));
    wrap.querySelector<HTMLInputElement>('input')?.focus();
  }, 'btn callback-offer');
  wrap.append(offer);
  return wrap;
}

function buildForm({ origin, language, retentionDays, sessionId, idPrefix }: CallbackFormOptions, wrap: HTMLElement): HTMLFormElement {
  const text = TEXT[language];
  const form = el('form', 'callback-form');
  form.noValidate = true;
  const field = (name: 'name' | 'phone', label: string, type: string, autocomplete: string) => {
    const box = el('div', 'callback-field');
    const input = el('input');
    input.id = `${idPrefix}-${name}`;
    input.name = name;
    input.type = type;
    input.setAttribute('autocomplete', autocomplete);
    input.maxLength = name === 'name' ? 100 : 30;
    const tag = el('label', '', label);
    tag.htmlFor = input.id;
    const error = el('p', 'field-error');
    error.id = `${input.id}-error`;
    error.hidden = true;
    box.append(tag, input, error);
    form.append(box);
    return { input, error };
  };
  const name = field('name', text.name, 'text', 'name');
  const phone = field('phone', text.phone, 'tel', 'tel');
  const consentBox = el('div', 'callback-consent');
  const consent = el('input');
  consent.type = 'checkbox';
  consent.id = `${idPrefix}-consent`;
  consent.name = 'consent';
  const consentLabel = el('label', '', text.consent(retentionDays));
  consentLabel.htmlFor = consent.id;
  const consentError = el('p', 'field-error');
  consentError.id = `${consent.id}-error`;
  consentError.hidden = true;
  consentBox.append(consent, consentLabel);
  const status = el('p', 'callback-status');
  status.setAttribute('role', 'status');
  const send = el('button', 'btn send', text.send);
  send.type = 'submit';
  form.prepend(el('p', 'callback-intro', text.intro));
  form.append(consentBox, consentError, send, status);

  const errors = { name, phone, consent: { input: consent, error: consentError } } as const;
  const clear = () => {
    for (const { input, error } of Object.values(errors)) {
      error.hidden = true;
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
    status.textContent = '';
  };
  const showError = (key: keyof typeof errors, message: string) => {
    const { input, error } = errors[key];
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', error.id);
  };

  // A field being corrected loses its old message.
  for (const { input, error } of Object.values(errors)) {
    input.addEventListener(input.type === 'checkbox' ? 'change' : 'input', () => {
      error.hidden = true;
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    send.disabled = true;
    status.textContent = text.sending;
    const id = sessionId();
    try {
      const response = await fetch(`${origin}/api/callbacks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: name.input.value, phone: phone.input.value, consent: consent.checked, language, ...(id ? { sessionId: id } : {}) }),
      });
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string }; errors?: { field: string; message: string }[] };
      if (response.ok) {
        const done = el('p', 'callback-done', text.done(phone.input.value.trim()));
        done.setAttribute('role', 'status');
        wrap.replaceChildren(done);
        return;
      }
      status.textContent = '';
      const fieldErrors = (body.errors ?? []).filter((e): e is { field: keyof typeof errors; message: string } => e.field in errors);
      for (const e of fieldErrors) showError(e.field, e.message);
      if (fieldErrors[0]) errors[fieldErrors[0].field].input.focus();
      else status.textContent = body.error?.message ?? text.failed;
    } catch {
      status.textContent = text.failed;
    } finally {
      send.disabled = false;
    }
  });
  return form;
}
