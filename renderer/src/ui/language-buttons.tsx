// The English / 한국어 toggle (I18N-1): each language named in itself, the current one pressed.
// Callers decide what a pick does (the sign-in screen and the top bar report failures differently).
import { useT } from '../app/context.js';

export type Locale = 'en' | 'ko';

export function LanguageButtons({ locale, onPick }: { locale: Locale; onPick(l: Locale): void }) {
  const t = useT();
  const set = (l: Locale) => {
    if (l !== locale) onPick(l);
  };
  return (
    <div role="group" aria-label={t('language.label')} className="segmented">
      <button type="button" lang="en" aria-pressed={locale === 'en'} onClick={() => set('en')}>
        English
      </button>
      <button type="button" lang="ko" aria-pressed={locale === 'ko'} onClick={() => set('ko')}>
        한국어
      </button>
    </div>
  );
}
