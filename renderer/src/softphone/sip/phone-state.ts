// The SipPhone's snapshot: registration, capabilities, devices, and one entry per voice session
// the core lists as ringing or connected (rule 1: the core owns the sessions; the phone adds
// what only it knows: answering, muted, held, consult).
import type { LiveSession } from '../../../../common/ipc/app-state.js';
import type { AudioDeviceChoice, PhoneCallState, PhoneSnapshot, RegistrationState, TransferTarget } from '../phone.js';

/** What the snapshot needs of a SIP call (call-leg.ts CallLeg has it). */
export interface LegView {
  muted: boolean;
  held: boolean;
  consult: { target: TransferTarget; status: 'dialing' | 'connected' | 'failed' } | null;
}

export const SIP_CAPABILITIES = { media: true, mute: true, hold: true, dtmf: true, attendedTransfer: true } as const;

export function callStates(core: ReadonlyMap<string, LiveSession>, legs: ReadonlyMap<string, LegView>, answering: ReadonlySet<string>): Record<string, PhoneCallState> {
  const out: Record<string, PhoneCallState> = {};
  for (const [id, s] of core) {
    if (s.phase !== 'ringing' && s.phase !== 'connected') continue;
    const leg = legs.get(id);
    const status: PhoneCallState['status'] = s.phase === 'connected' ? 'active' : answering.has(id) ? 'answering' : 'ringing';
    out[id] = {
      sessionId: id,
      status,
      muted: leg?.muted ?? false,
      held: leg?.held ?? false,
      consult: leg?.consult ? { target: leg.consult.target, status: leg.consult.status } : null,
    };
  }
  return out;
}

export class SnapshotStore {
  private snapshot: PhoneSnapshot;
  private readonly listeners = new Set<(s: PhoneSnapshot) => void>();

  constructor(devices: AudioDeviceChoice) {
    this.snapshot = { kind: 'sip', registration: 'unregistered', detail: null, capabilities: { ...SIP_CAPABILITIES }, calls: {}, devices };
  }

  get(): PhoneSnapshot {
    return this.snapshot;
  }

  subscribe(l: (s: PhoneSnapshot) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  setRegistration(registration: RegistrationState, detail: string | null): void {
    if (registration === this.snapshot.registration && detail === this.snapshot.detail) return;
    this.replace({ ...this.snapshot, registration, detail });
  }

  setDevices(devices: AudioDeviceChoice): void {
    if (JSON.stringify(devices) === JSON.stringify(this.snapshot.devices)) return;
    this.replace({ ...this.snapshot, devices });
  }

  setCalls(calls: Record<string, PhoneCallState>): void {
    if (JSON.stringify(calls) === JSON.stringify(this.snapshot.calls)) return;
    this.replace({ ...this.snapshot, calls });
  }

  clear(): void {
    this.listeners.clear();
  }

  private replace(next: PhoneSnapshot): void {
    this.snapshot = next;
    for (const l of [...this.listeners]) l(next);
  }
}
