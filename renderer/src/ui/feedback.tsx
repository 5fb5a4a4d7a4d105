// Results of the agent's own commands that failed (expected failures arrive as values), shown
// until dismissed. Notices from the core are separate (state.notices).
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { IpcChannel, IpcError, IpcRequest, IpcResponse, IpcResult } from '../../../common/ipc/contract.js';
import { useApi, useLocale, useT } from '../app/context.js';
import type { MessageKey } from '../i18n/translate.js';

export interface FeedbackItem {
  id: number;
  text: string;
}

interface FeedbackApi {
  items: FeedbackItem[];
  report(context: string, error: IpcError): void;
  dismiss(id: number): void;
}

const FeedbackContext = createContext<FeedbackApi | null>(null);

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<FeedbackItem[]>([]);
  const counter = useRef(0);
  const report = useCallback((context: string, error: IpcError) => {
    counter.current += 1;
    const id = counter.current;
    setItems((list) => [...list.slice(-4), { id, text: `${context} ${error.message}`.trim() }]);
  }, []);
  const dismiss = useCallback((id: number) => setItems((list) => list.filter((i) => i.id !== id)), []);
  const value = useMemo(() => ({ items, report, dismiss }), [items, report, dismiss]);
  return <FeedbackContext.Provider value={value}>{children}</FeedbackContext.Provider>;
}

export function useFeedback(): FeedbackApi {
  const f = useContext(FeedbackContext);
  if (!f) throw new Error('FeedbackProvider missing');
  return f;
}

/** The error's text in the UI language when the core gave one. */
export function localizedError(error: IpcError, locale: 'en' | 'ko'): IpcError {
  return error.text ? { ...error, message: error.text[locale] } : error;
}

/**
 * Invoke a channel; a failure (value or thrown) is reported to the agent with `failureKey`
 * ("Could not change your status.") and returned as a value.
 */
export function useCommand() {
  const api = useApi();
  const t = useT();
  const locale = useLocale();
  const { report } = useFeedback();
  return useCallback(
    async <C extends IpcChannel>(channel: C, request: IpcRequest<C>, failureKey: MessageKey): Promise<IpcResult<IpcResponse<C>>> => {
      let r: IpcResult<IpcResponse<C>>;
      try {
        r = await api.invoke(channel, request);
      } catch (e) {
        r = { ok: false, error: { code: 'unavailable', message: e instanceof Error ? e.message : String(e) } };
      }
      if (!r.ok) report(t(failureKey), localizedError(r.error, locale));
      return r;
    },
    [api, t, locale, report],
  );
}

/** Report a failure from something other than a direct invoke (the phone). */
export function useReportFailure() {
  const t = useT();
  const locale = useLocale();
  const { report } = useFeedback();
  return useCallback((failureKey: MessageKey, error: IpcError) => report(t(failureKey), localizedError(error, locale)), [t, locale, report]);
}

export function FeedbackList() {
  const { items, dismiss } = useFeedback();
  const t = useT();
  if (items.length === 0) return null;
  return (
    <ul className="feedback" aria-label={t('feedback.label')}>
      {items.map((i) => (
        <li key={i.id} className="banner banner--error" role="alert">
          <span>{i.text}</span>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => dismiss(i.id)}>
            {t('common.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
