// I18N-1: both catalogues have every key, no empty text, the same placeholders, and every key is
// used by the renderer (keys are always written out literally, see renderer/src/ui/labels.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { ko } from '../../../renderer/src/i18n/ko.js';
import { guessLocale, translate } from '../../../renderer/src/i18n/translate.js';

const root = path.resolve(import.meta.dirname, '../../../renderer/src');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(): string {
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/^i18n[\\/](en|ko)\.ts$/.test(f));
  expect(files.length).toBeGreaterThan(20);
  return files.map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
}

describe('message catalogues', () => {
  const enKeys = Object.keys(en).sort();
  const koKeys = Object.keys(ko).sort();

  it('ko and en have exactly the same keys', () => {
    expect(koKeys.filter((k) => !(k in en))).toEqual([]);
    expect(enKeys.filter((k) => !(k in ko))).toEqual([]);
  });

  it('no message is empty', () => {
    const empty = [...Object.entries(en), ...Object.entries(ko)].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('each Korean message has the same placeholders as the English one', () => {
    const bad = enKeys.filter((k) => JSON.stringify(placeholders(en[k as keyof typeof en])) !== JSON.stringify(placeholders(ko[k as keyof typeof ko])));
    expect(bad).toEqual([]);
  });

  it('the Korean catalogue is translated (not copied English) except names and codes', () => {
    const same = enKeys.filter((k) => en[k as keyof typeof en] === ko[k as keyof typeof ko]);
    // Product names, CRM names and pure placeholders are the same in both languages.
    expect(same.filter((k) => !/^(app\.title|crm\.|kustomer\.(region|frameTitle)|status\.source\.crm|audit\.crmChange|transfer\.agentOption|preview\.stepN|admin\.crm\.kind)/.test(k))).toEqual([]);
  });

  it('every key is used in renderer/src', () => {
    const text = sources();
    const unused = enKeys.filter((k) => !text.includes(`'${k}'`) && !text.includes(`"${k}"`));
    expect(unused).toEqual([]);
  });

  it('every key the renderer names exists', () => {
    const text = sources();
    const named = [...text.matchAll(/\bt\('([^']+)'/g)].map((m) => m[1] ?? '');
    expect(named.length).toBeGreaterThan(100);
    expect([...new Set(named)].filter((k) => !(k in en))).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(translate('en', 'offer.call', { who: '+8210' })).toBe('Incoming call from +8210');
    expect(translate('ko', 'offer.call', { who: '+8210' })).toBe('+8210의 전화가 왔습니다');
    expect(translate('en', 'record.backlog', { pending: 2 })).toBe('2 pending, {failed} failed');
  });

  it('guesses the boot language from the browser languages', () => {
    expect(guessLocale(['ko-KR', 'en'])).toBe('ko');
    expect(guessLocale(['en-US'])).toBe('en');
    expect(guessLocale([])).toBe('en');
  });
});
