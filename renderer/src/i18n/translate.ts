// I18N-1: look up a message in the UI language and fill its {placeholders}.
import { en, type MessageKey } from './en.js';
import { ko } from './ko.js';
import type { UiLocale } from './format.js';

export type { MessageKey };
export type MessageParams = Readonly<Record<string, string | number>>;

export const CATALOGUES: Readonly<Record<UiLocale, Readonly<Record<MessageKey, string>>>> = { en, ko };

export function translate(locale: UiLocale, key: MessageKey, params?: MessageParams): string {
  const template = CATALOGUES[locale][key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: UiLocale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** The language to show before the core has told us one (boot screen). */
export function guessLocale(languages: readonly string[]): UiLocale {
  return languages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}
