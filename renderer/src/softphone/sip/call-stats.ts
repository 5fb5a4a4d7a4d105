// Whether audio flows, from the peer connection's statistics: RTP packets received and sent,
// the ICE state and the negotiated directions. Used by the tests and the benchmark (two-way
// audio = both sides' inbound packet counts increasing) and handy in logs.
import { mediaDirections, type Direction } from './sdp-direction.js';

export interface AudioStats {
  packetsReceived: number;
  packetsSent: number;
  bytesReceived: number;
  /** Energy of the received audio so far (rises while the far end's microphone has sound). */
  totalAudioEnergy: number;
  iceState: RTCIceConnectionState | 'closed';
  /** a=ice-ufrag of the local description: changes with every ICE restart. */
  localIceUfrag: string | null;
  localDirection: Direction | null;
  remoteDirection: Direction | null;
  /** The transceiver's negotiated direction (null before an answer). */
  currentDirection: RTCRtpTransceiverDirection | null;
  senderEnabled: boolean | null;
}

export function iceUfrag(sdp: string | undefined): string | null {
  return sdp ? (/^a=ice-ufrag:(\S+)/m.exec(sdp)?.[1] ?? null) : null;
}

export async function audioStats(pc: RTCPeerConnection | undefined): Promise<AudioStats | null> {
  if (!pc) return null;
  let packetsReceived = 0;
  let packetsSent = 0;
  let bytesReceived = 0;
  let totalAudioEnergy = 0;
  const report = await pc.getStats();
  report.forEach((s: { type?: string; kind?: string; mediaType?: string; packetsReceived?: number; packetsSent?: number; bytesReceived?: number; totalAudioEnergy?: number }) => {
    const audio = (s.kind ?? s.mediaType) === 'audio';
    if (s.type === 'inbound-rtp' && audio) {
      packetsReceived += s.packetsReceived ?? 0;
      bytesReceived += s.bytesReceived ?? 0;
      totalAudioEnergy += s.totalAudioEnergy ?? 0;
    }
    if (s.type === 'outbound-rtp' && audio) packetsSent += s.packetsSent ?? 0;
  });
  const t = pc.getTransceivers().find((x) => x.receiver.track?.kind === 'audio');
  const sender = pc.getSenders().find((x) => x.track?.kind === 'audio');
  return {
    packetsReceived,
    packetsSent,
    bytesReceived,
    totalAudioEnergy,
    iceState: pc.signalingState === 'closed' ? 'closed' : pc.iceConnectionState,
    localIceUfrag: iceUfrag(pc.localDescription?.sdp),
    localDirection: mediaDirections(pc.localDescription?.sdp ?? '')[0] ?? null,
    remoteDirection: mediaDirections(pc.remoteDescription?.sdp ?? '')[0] ?? null,
    currentDirection: t?.currentDirection ?? null,
    senderEnabled: sender?.track ? sender.track.enabled : null,
  };
}
