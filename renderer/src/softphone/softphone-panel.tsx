// SOFT-1: the phone column: registration, outbound calls ringing, connected calls, dial pad,
// audio settings and history.
import { useState } from 'react';
import { useSelector, useT } from '../app/context.js';
import { activeCalls, customerLabel, outboundDialing } from '../store/selectors.js';
import { useReportFailure } from '../ui/feedback.js';
import { AudioSettings } from './audio-settings.js';
import { CallCard } from './call-card.js';
import { CallHistory } from './call-history.js';
import { DialPad } from './dial-pad.js';
import { usePhone } from './phone-context.js';
import type { MessageKey } from '../i18n/translate.js';
import type { RegistrationState } from './phone.js';

const REGISTRATION_KEY: Record<RegistrationState, MessageKey> = {
  'not-applicable': 'phone.reg.protocolOnly',
  unregistered: 'phone.reg.unregistered',
  registering: 'phone.reg.registering',
  registered: 'phone.reg.registered',
  failed: 'phone.reg.failed',
};

function PhoneState() {
  const t = useT();
  const { snapshot, fallbackReason } = usePhone();
  if (!snapshot) return <p className="muted">{t('phone.starting')}</p>;
  return (
    <div className="phone-state" data-testid="phone-state">
      <span className={`chip chip--${snapshot.registration === 'registered' ? 'ok' : snapshot.registration === 'failed' ? 'error' : 'neutral'}`}>
        {t(REGISTRATION_KEY[snapshot.registration])}
      </span>
      {snapshot.detail && <span className="muted"> {snapshot.detail}</span>}
      {fallbackReason && <p className="hint">{t('phone.sipFallback', { reason: fallbackReason })}</p>}
    </div>
  );
}

function Dialing() {
  const t = useT();
  const dialing = useSelector(outboundDialing);
  const { phone } = usePhone();
  const report = useReportFailure();
  const [busy, setBusy] = useState(false);
  return (
    <>
      {dialing.map((s) => (
        <div key={s.session.id} className="dialing" role="status" data-testid="dialing">
          <span>{t('dial.calling', { who: customerLabel(s) })}</span>
          <button
            type="button"
            className="btn btn--danger"
            disabled={busy || !phone}
            onClick={async () => {
              if (!phone) return;
              setBusy(true);
              const r = await phone.hangup(s.session.id);
              setBusy(false);
              if (!r.ok) report('call.hangupFailed', r.error);
            }}
          >
            {t('dial.cancel')}
          </button>
        </div>
      ))}
    </>
  );
}

export function SoftphonePanel() {
  const t = useT();
  const calls = useSelector(activeCalls);
  const dialing = useSelector(outboundDialing);
  const busyReason = calls.length > 0 || dialing.length > 0 ? t('dial.inCall') : null;
  return (
    <section className="panel" aria-labelledby="phone-title" data-testid="softphone">
      <h2 id="phone-title">{t('phone.title')}</h2>
      <PhoneState />
      <Dialing />
      {calls.map((s, i) => (
        <CallCard key={s.session.id} s={s} primary={i === 0} />
      ))}
      <DialPad disabledReason={busyReason} />
      <details className="disclosure">
        <summary>{t('audio.title')}</summary>
        <AudioSettings />
      </details>
      <details className="disclosure">
        <summary>{t('history.title')}</summary>
        <CallHistory />
      </details>
    </section>
  );
}
