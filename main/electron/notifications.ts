// A native notification for each new incoming call while the window is not focused (SOFT-1);
// clicking it brings the window forward. Texts follow the UI language (I18N-1).
import { Notification } from 'electron';
import type { AppState } from '../../common/ipc/index.js';

export class CallNotifier {
  private readonly seen = new Set<string>();

  constructor(
    private readonly focused: () => boolean,
    private readonly show: () => void,
  ) {}

  update(s: AppState): void {
    for (const l of s.sessions) {
      if (l.phase !== 'ringing' || l.session.channel !== 'voice' || l.session.type === 'voice_outbound' || this.seen.has(l.session.id)) continue;
      this.seen.add(l.session.id);
      if (this.focused() || !Notification.isSupported()) continue;
      const ko = s.locale === 'ko';
      const who = l.session.customer.name ?? l.session.customer.phone ?? (ko ? '알 수 없는 번호' : 'Unknown caller');
      const n = new Notification({
        title: ko ? '수신 전화' : 'Incoming call',
        body: [who, l.session.queue?.name].filter(Boolean).join(' · '),
        silent: true,
        urgency: 'critical',
        timeoutType: 'never',
      });
      n.on('click', () => this.show());
      n.show();
    }
    if (this.seen.size > 500) this.seen.clear();
  }
}
