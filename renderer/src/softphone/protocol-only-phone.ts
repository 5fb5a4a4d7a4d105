// SOFT-1 without a SIP server (`state.softphone.sip === null`): the contact center routes the
// audio elsewhere, so this phone only answers, rejects, ends, transfers and dials through the
// IPC contract. It has no media, so mute, hold, DTMF and attended consults are not offered.
import type { LiveSession } from '../../../common/ipc/app-state.js';
import { contractCalls, type ContractCalls, type Invoke } from './contract-calls.js';
import {
  NO_DEVICES,
  type AudioDeviceChoice,
  type Phone,
  type PhoneCallState,
  type PhoneResult,
  type PhoneSnapshot,
  type TransferTarget,
} from './phone.js';

const NO_MEDIA = { code: 'no_media', message: 'This needs the SIP softphone (audio in AgentDesk), which is not configured.' };

export class ProtocolOnlyPhone implements Phone {
  readonly kind = 'protocol-only' as const;
  private readonly calls: ContractCalls;
  private snapshot: PhoneSnapshot;
  private readonly incoming = new Set<(call: { sessionId: string }) => void>();
  private readonly changes = new Set<(s: PhoneSnapshot) => void>();
  /** Sessions already announced as incoming, so a push repeating a ringing session rings once. */
  private readonly announced = new Set<string>();
  private reported = false;

  constructor(invoke: Invoke, devices: AudioDeviceChoice = NO_DEVICES) {
    this.calls = contractCalls(invoke);
    this.snapshot = {
      kind: 'protocol-only',
      registration: 'not-applicable',
      detail: null,
      capabilities: { media: false, mute: false, hold: false, dtmf: false, attendedTransfer: false },
      calls: {},
      devices,
    };
  }

  async register(): Promise<PhoneResult> {
    if (!this.reported) {
      this.reported = true;
      await this.calls.report(false, 'protocol-only: no SIP server configured');
    }
    return { ok: true, value: undefined };
  }

  async unregister(): Promise<void> {}

  syncSessions(sessions: readonly LiveSession[]): void {
    const next: Record<string, PhoneCallState> = {};
    const rang: string[] = [];
    for (const s of sessions) {
      if (s.session.channel !== 'voice') continue;
      const id = s.session.id;
      const prev = this.snapshot.calls[id];
      if (s.phase === 'ringing') {
        next[id] = { sessionId: id, status: prev?.status === 'answering' ? 'answering' : 'ringing', muted: false, held: false, consult: null };
        if (!this.announced.has(id) && s.session.type !== 'voice_outbound') rang.push(id);
      } else if (s.phase === 'connected') {
        next[id] = { sessionId: id, status: 'active', muted: false, held: false, consult: null };
      }
      this.announced.add(id);
    }
    // Forget sessions the core no longer lists, so memory stays bounded.
    const live = new Set(sessions.map((s) => s.session.id));
    for (const id of [...this.announced]) if (!live.has(id)) this.announced.delete(id);
    this.replaceCalls(next);
    for (const sessionId of rang) for (const l of [...this.incoming]) l({ sessionId });
  }

  onIncoming(listener: (call: { sessionId: string }) => void): () => void {
    this.incoming.add(listener);
    return () => this.incoming.delete(listener);
  }

  onStateChange(listener: (s: PhoneSnapshot) => void): () => void {
    this.changes.add(listener);
    return () => this.changes.delete(listener);
  }

  getSnapshot(): PhoneSnapshot {
    return this.snapshot;
  }

  async answer(sessionId: string): Promise<PhoneResult> {
    this.patchCall(sessionId, { status: 'answering' });
    const r = await this.calls.accept(sessionId);
    if (!r.ok) this.patchCall(sessionId, { status: 'ringing' });
    return r;
  }

  reject(sessionId: string): Promise<PhoneResult> {
    return this.calls.reject(sessionId);
  }

  hangup(sessionId: string): Promise<PhoneResult> {
    return this.calls.end(sessionId);
  }

  async mute(_sessionId: string, _muted: boolean): Promise<PhoneResult> {
    return { ok: false, error: NO_MEDIA };
  }

  async hold(_sessionId: string, _held: boolean): Promise<PhoneResult> {
    return { ok: false, error: NO_MEDIA };
  }

  async sendDtmf(_sessionId: string, _tones: string): Promise<PhoneResult> {
    return { ok: false, error: NO_MEDIA };
  }

  transferBlind(sessionId: string, target: TransferTarget): Promise<PhoneResult> {
    return this.calls.transfer(sessionId, target);
  }

  async transferAttended(_sessionId: string, _target: TransferTarget): Promise<PhoneResult> {
    return { ok: false, error: NO_MEDIA };
  }

  async completeAttendedTransfer(_sessionId: string): Promise<PhoneResult> {
    return { ok: false, error: NO_MEDIA };
  }

  async cancelAttendedTransfer(_sessionId: string): Promise<PhoneResult> {
    return { ok: false, error: NO_MEDIA };
  }

  dial(number: string, options?: { queueId?: string }): Promise<PhoneResult<{ sessionId: string }>> {
    return this.calls.dial(number, options?.queueId);
  }

  async setDevices(devices: AudioDeviceChoice): Promise<PhoneResult> {
    // No media here; the choice is kept so the ringer and a later SipPhone use it.
    this.snapshot = { ...this.snapshot, devices };
    this.emit();
    return { ok: true, value: undefined };
  }

  dispose(): void {
    this.incoming.clear();
    this.changes.clear();
  }

  private patchCall(sessionId: string, patch: Partial<PhoneCallState>): void {
    const call = this.snapshot.calls[sessionId];
    if (!call) return;
    this.replaceCalls({ ...this.snapshot.calls, [sessionId]: { ...call, ...patch } });
  }

  private replaceCalls(calls: Record<string, PhoneCallState>): void {
    if (JSON.stringify(calls) === JSON.stringify(this.snapshot.calls)) return;
    this.snapshot = { ...this.snapshot, calls };
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.changes]) l(this.snapshot);
  }
}
