// AgentDesk's own stamps on a ticket: the leaf queue and channel it came in from, which REC-1
// compares. As tags (default) they must fit Zendesk's tag alphabet, so the queue id is written
// losslessly: [a-z0-9] stay, every other byte becomes _xx (hex), "_" included
// ("q-Billing" -> agentdesk_queue_q_2d_42illing). As fields they are the plain values.
import type { Channel } from '../../../../common/protocol/index.js';

export const CHANNEL_TAG_PREFIX = 'agentdesk_channel_';
export const QUEUE_TAG_PREFIX = 'agentdesk_queue_';
const CHANNELS: readonly Channel[] = ['voice', 'chat'];

export type StampConfig = { kind: 'tags' } | { kind: 'fields'; leafQueueFieldId: number; channelFieldId: number };

export function encodeTagValue(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[a-z0-9]/.test(c) ? c : `_${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

export function decodeTagValue(encoded: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded[i] as string;
    if (c === '_') {
      const hex = encoded.slice(i + 1, i + 3);
      if (!/^[0-9a-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (/[a-z0-9]/.test(c)) bytes.push(c.charCodeAt(0));
    else return null;
  }
  return Buffer.from(bytes).toString('utf8');
}

export function stampTags(leafQueueId: string | null, channel: Channel): string[] {
  return [`${CHANNEL_TAG_PREFIX}${channel}`, ...(leafQueueId ? [`${QUEUE_TAG_PREFIX}${encodeTagValue(leafQueueId)}`] : [])];
}

export function stampFields(cfg: Extract<StampConfig, { kind: 'fields' }>, leafQueueId: string | null, channel: Channel): Array<{ id: number; value: string | null }> {
  return [
    { id: cfg.channelFieldId, value: channel },
    { id: cfg.leafQueueFieldId, value: leafQueueId },
  ];
}

/** The stamps of a ticket: the configured fields first, else the tags (so switching modes keeps old tickets readable). */
export function readStamps(cfg: StampConfig, t: { tags: string[]; custom_fields: Array<{ id: number; value: unknown }> }): { leafQueueId: string | null; channel: Channel | null } {
  let leaf: string | null = null;
  let channel: string | null = null;
  if (cfg.kind === 'fields') {
    const v = (id: number) => t.custom_fields.find((f) => f.id === id)?.value;
    const l = v(cfg.leafQueueFieldId);
    const c = v(cfg.channelFieldId);
    if (typeof l === 'string' && l) leaf = l;
    if (typeof c === 'string' && c) channel = c;
  }
  for (const tag of t.tags) {
    if (leaf === null && tag.startsWith(QUEUE_TAG_PREFIX)) leaf = decodeTagValue(tag.slice(QUEUE_TAG_PREFIX.length));
    if (channel === null && tag.startsWith(CHANNEL_TAG_PREFIX)) channel = tag.slice(CHANNEL_TAG_PREFIX.length);
  }
  return { leafQueueId: leaf, channel: CHANNELS.includes(channel as Channel) ? (channel as Channel) : null };
}
