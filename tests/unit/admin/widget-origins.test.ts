import { describe, expect, it } from 'vitest';
import { parseOrigin, WidgetOriginsSchema } from '../../../src/admin/settings/widget-origins.js';

describe('parseOrigin', () => {
  it('keeps bare http(s) origins, forgiving a trailing slash and case', () => {
    expect(parseOrigin('https://Phuong.Example.gov.vn/')).toBe('https://phuong.example.gov.vn');
    expect(parseOrigin(' http://localhost:8080 ')).toBe('http://localhost:8080');
    expect(parseOrigin('https://a.example:443')).toBe('https://a.example');
  });

  it.each(['https://a.example/trang', 'https://a.example?x=1', 'https://a.example/#top', 'https://user:pw@a.example', 'ftp://a.example', 'a.example', 'javascript:alert(1)'])('refuses %s', (value) => {
    expect(parseOrigin(value)).toBeUndefined();
  });

  it('folds duplicates and limits the list to 50', () => {
    expect(WidgetOriginsSchema.parse({ origins: ['https://a.example', 'https://a.example/', 'https://b.example'] }).origins).toEqual(['https://a.example', 'https://b.example']);
    expect(WidgetOriginsSchema.safeParse({ origins: Array.from({ length: 51 }, (_, i) => `https://s${i}.example`) }).success).toBe(false);
  });
});
