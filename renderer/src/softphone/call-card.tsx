// One connected call: who, where from, timer, and the in-call controls (SOFT-1). Controls that
// need audio in AgentDesk are disabled, with the reason, when the phone has no media.
import { useId, useState } from 'react';
import type { LiveSession } from '../../../common/ipc/app-state.js';
import { useNow, useSelector, useT } from '../app/context.js';
import { useShortcut, useShortcutText } from '../app/shortcuts.js';
import { elapsedSeconds, formatClock } from '../i18n/format.js';
import { customerLabel, queuePath, transferTargets } from '../store/selectors.js';
import { useReportFailure } from '../ui/feedback.js';
import { SESSION_TYPE_KEY } from '../ui/labels.js';
import { describeTarget, TransferPicker } from '../ui/transfer-picker.js';
import { Keypad } from './keypad.js';
import { usePhone } from './phone-context.js';
import type { Phone, PhoneResult, TransferTarget } from './phone.js';
import type { MessageKey } from '../i18n/translate.js';

export function CallCard({ s, primary }: { s: LiveSession; primary: boolean }) {
  const t = useT();
  const now = useNow();
  const id = useId();
  const { phone, snapshot } = usePhone();
  const report = useReportFailure();
  const names = useSelector(transferTargets);
  const call = snapshot?.calls[s.session.id];
  const caps = snapshot?.capabilities;
  const [panel, setPanel] = useState<'none' | 'keypad' | 'transfer'>('none');
  const [target, setTarget] = useState<TransferTarget | null>(null);
  const [busy, setBusy] = useState(false);
  const hangupKeys = useShortcutText('hangup');
  const muteKeys = useShortcutText('mute');
  const holdKeys = useShortcutText('hold');
  const sessionId = s.session.id;

  const act = async (f: (p: Phone) => Promise<PhoneResult>, failure: MessageKey) => {
    if (!phone) return;
    setBusy(true);
    const r = await f(phone);
    setBusy(false);
    if (!r.ok) report(failure, r.error);
  };
  const hangup = () => act((p) => p.hangup(sessionId), 'call.hangupFailed');
  const toggleMute = () => act((p) => p.mute(sessionId, !call?.muted), 'call.muteFailed');
  const toggleHold = () => act((p) => p.hold(sessionId, !call?.held), 'call.holdFailed');

  useShortcut('hangup', () => {
    if (!primary) return false;
    void hangup();
  });
  useShortcut('mute', () => {
    if (!primary || !caps?.mute) return false;
    void toggleMute();
  });
  useShortcut('hold', () => {
    if (!primary || !caps?.hold) return false;
    void toggleHold();
  });

  const who = customerLabel(s);
  const path = queuePath(s);
  const consult = call?.consult ?? null;
  const noMedia = caps !== undefined && !caps.media;

  return (
    <article className="call-card" aria-labelledby={`${id}-who`} data-testid="call-card">
      <header className="call-card__head">
        <div>
          <h3 id={`${id}-who`}>{who}</h3>
          <p className="muted">
            {t(SESSION_TYPE_KEY[s.session.type])}
            {s.session.customer.phone && s.session.customer.phone !== who ? ` · ${s.session.customer.phone}` : ''}
            {path ? ` · ${path}` : ''}
          </p>
        </div>
        <div className="call-card__timer" role="timer" aria-label={t('call.timer')}>
          {formatClock(elapsedSeconds(s.connectedAt ?? s.assignedAt, now))}
        </div>
      </header>
      <p className="call-card__state">
        {call?.held ? <span className="chip chip--warning">{t('call.onHold')}</span> : <span className="chip chip--ok">{t('call.live')}</span>}
        {call?.muted && <span className="chip chip--warning">{t('call.muted')}</span>}
      </p>
      <div className="call-controls" role="group" aria-label={t('call.controls')}>
        <button type="button" className="btn" aria-pressed={call?.muted ?? false} disabled={busy || !caps?.mute} onClick={() => void toggleMute()} aria-keyshortcuts="Alt+M">
          {call?.muted ? t('call.unmute') : t('call.mute')} {primary && <kbd className="kbd-hint">{muteKeys}</kbd>}
        </button>
        <button type="button" className="btn" aria-pressed={call?.held ?? false} disabled={busy || !caps?.hold} onClick={() => void toggleHold()} aria-keyshortcuts="Alt+H">
          {call?.held ? t('call.resume') : t('call.hold')} {primary && <kbd className="kbd-hint">{holdKeys}</kbd>}
        </button>
        <button type="button" className="btn" aria-expanded={panel === 'keypad'} aria-controls={`${id}-panel`} onClick={() => setPanel(panel === 'keypad' ? 'none' : 'keypad')}>
          {t('call.keypad')}
        </button>
        <button type="button" className="btn" aria-expanded={panel === 'transfer'} aria-controls={`${id}-panel`} onClick={() => setPanel(panel === 'transfer' ? 'none' : 'transfer')}>
          {t('call.transfer')}
        </button>
        <button type="button" className="btn btn--danger" disabled={busy} onClick={() => void hangup()} aria-keyshortcuts="Alt+E">
          {t('call.hangup')} {primary && <kbd className="kbd-hint">{hangupKeys}</kbd>}
        </button>
      </div>
      {noMedia && <p className="hint">{t('call.noMediaHint')}</p>}
      <div id={`${id}-panel`}>
        {panel === 'keypad' && (
          <Keypad
            label={t('call.dtmfLabel')}
            disabled={!caps?.dtmf}
            onKey={(k) => void act((p) => p.sendDtmf(sessionId, k), 'call.dtmfFailed')}
          />
        )}
        {panel === 'transfer' && (
          <div className="call-transfer">
            {consult ? (
              <div className="consult" role="status">
                <p>
                  {t(consult.status === 'connected' ? 'transfer.consultConnected' : consult.status === 'failed' ? 'transfer.consultFailed' : 'transfer.consultDialing', {
                    target: describeTarget(consult.target, names),
                  })}
                </p>
                <div className="row">
                  <button type="button" className="btn btn--primary" disabled={busy || consult.status === 'failed'} onClick={() => void act((p) => p.completeAttendedTransfer(sessionId), 'transfer.failed')}>
                    {t('transfer.complete')}
                  </button>
                  <button type="button" className="btn" disabled={busy} onClick={() => void act((p) => p.cancelAttendedTransfer(sessionId), 'transfer.failed')}>
                    {t('transfer.cancelConsult')}
                  </button>
                </div>
              </div>
            ) : (
              <>
                <TransferPicker onChange={setTarget} />
                <div className="row">
                  <button type="button" className="btn btn--primary" disabled={busy || !target} onClick={() => target && void act((p) => p.transferBlind(sessionId, target), 'transfer.failed')}>
                    {t('transfer.blind')}
                  </button>
                  <button type="button" className="btn" disabled={busy || !target || !caps?.attendedTransfer} onClick={() => target && void act((p) => p.transferAttended(sessionId, target), 'transfer.failed')}>
                    {t('transfer.attended')}
                  </button>
                </div>
              </>
            )}
          </div>
        )}
      </div>
    </article>
  );
}
