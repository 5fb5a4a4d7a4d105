// KUS-1: what a tel: link dials.
import { describe, expect, it } from 'vitest';
import { isTelHref, parseTelHref } from '../../../preload/kustomer/tel.js';

describe('parseTelHref', () => {
  it.each([
    ['tel:+14155550100', '+14155550100'],
    ['TEL:+14155550100', '+14155550100'],
    ['tel:+1%20(415)%20555-0199', '+14155550199'],
    ['tel:+1.415.555.0199', '+14155550199'],
    ['tel:+1 415 555 0199', '+14155550199'],
    ['tel:0212345678', '0212345678'],
    ['tel:*123%23', '*123#'],
    // An unescaped '#' starts the URI's fragment (RFC 3966 wants %23).
    ['tel:*123#', '*123'],
    ['tel:+14155550100;ext=42', '+14155550100'],
    ['tel:7042;phone-context=example.com', '7042'],
    ['  tel:+14155550100', '+14155550100'],
  ])('%s -> %s', (href, number) => {
    expect(parseTelHref(href)).toBe(number);
  });

  it.each([['tel:'], ['tel:1-800-FLOWERS'], ['tel:%E0%A4%A'], ['tel:++1'], [`tel:+${'1'.repeat(33)}`], ['mailto:a@b.c'], ['https://x/tel:1'], ['javascript:alert(1)']])(
    '%s dials nothing',
    (href) => {
      expect(parseTelHref(href)).toBeNull();
    },
  );

  it('recognises tel: links whatever their number', () => {
    expect(isTelHref('tel:abc')).toBe(true);
    expect(isTelHref('Tel:+1')).toBe(true);
    expect(isTelHref('http://tel.example/')).toBe(false);
  });
});
