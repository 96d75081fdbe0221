import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderDossierPage } from '../../../src/dossiers/index.js';
import { listForms } from '../../../src/forms/index.js';

const FORMS = listForms();
const CREATED_AT = new Date('2026-03-10T23:30:00.000Z');
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '</style><script>alert(1)</script>',
  '<!--',
  ']]><script>',
  '&lt;script&gt;',
  '<a href="javascript:alert(1)">x</a>',
];
// The only elements the page itself writes; anything else would have come from a value.
const PAGE_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'p', 'header', 'div', 'h1', 'h2', 'section', 'span', 'svg', 'rect', 'path']);

const hostileText = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.array(fc.oneof(fc.constantFrom(...PAYLOADS, '<', '>', '"', "'", '&', '=', ' on', 'error', '/'), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Tag names in the markup, and attribute names of those tags. */
function readMarkup(html: string): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const match of html.matchAll(/<\/?([!a-zA-Z][\w-]*)([^>]*)>/g)) {
    tags.add(match[1]!.toLowerCase());
    for (const attr of match[2]!.matchAll(/\s([a-zA-Z-:]+)(?==)/g)) attributes.add(attr[1]!.toLowerCase());
  }
  return { tags, attributes };
}

describe('the print page under hostile dossier values', () => {
  it('renders every value of every form as text: no new element, no event handler attribute', () => {
    const input = fc.constantFrom(...FORMS).chain((form) =>
      fc.tuple(
        fc.constant(form),
        fc.dictionary(fc.constantFrom(...form.fields.map((f) => f.name)), hostileText, { minKeys: 1 }),
        fc.option(hostileText, { nil: undefined }),
        fc.option(hostileText, { nil: undefined }),
      ),
    );
    fc.assert(
      fc.property(input, ([form, values, addressee, place]) => {
        const html = renderDossierPage({ form, values, reference: 'HS-7K3-M9Q-XDP', createdAt: CREATED_AT, ...(addressee ? { addressee } : {}), ...(place ? { place } : {}) });
        const { tags, attributes } = readMarkup(html);
        for (const tag of tags) expect(PAGE_TAGS.has(tag), `<${tag}> from ${JSON.stringify(values)}`).toBe(true);
        for (const attr of attributes) expect(attr.startsWith('on'), `${attr} from ${JSON.stringify(values)}`).toBe(false);
        expect(html.match(/<style>/g)).toHaveLength(1);
        expect(html.match(/<\/style>/g)).toHaveLength(1);
        // Free-text values are shown exactly as typed, escaped.
        for (const field of form.fields) {
          const value = values[field.name]?.trim();
          if (value && field.type !== 'date' && !field.options && !/(^|\.)kinh_gui$/.test(field.name)) expect(html).toContain(escapeHtml(value));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows the two XSS payloads literally in a name, an address and the addressee', () => {
    const form = FORMS.find((f) => f.id === 'to-khai-khai-sinh')!;
    const html = renderDossierPage({
      form,
      values: { 'tre.ho_ten': PAYLOADS[0]!, 'me.noi_cu_tru': PAYLOADS[1]!, 'nguoi_yeu_cau.ho_ten': PAYLOADS[1]! },
      reference: 'HS-7K3-M9Q-XDP',
      createdAt: CREATED_AT,
      addressee: PAYLOADS[0]!,
      place: PAYLOADS[1]!,
    });
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
    expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(html).not.toMatch(/<img|<script|onerror="/i);
  });
});
