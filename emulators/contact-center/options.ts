// Simulator options: a JSON-able part (also the `serve.ts --config` file format, parsed with zod)
// plus in-process hooks (clock, log). `resolveOptions` validates everything once, up front, so
// a bad directory or queue tree fails at start with a readable message.
import { z } from 'zod';
import {
  agentStatusDefSchema,
  roleSchema,
  settingsSchema,
  type AgentStatusDef,
  type Settings,
  type SettingsInput,
} from '../../common/protocol/index.js';
import { DEFAULT_AGENTS, DEFAULT_QUEUES, DEFAULT_SIP_DOMAIN, DEFAULT_STATUSES, SYSTEM_STATUS_IDS } from './default-data.js';
import { deepMerge } from './deep-merge.js';
import { systemClock, type Clock } from './time.js';

export const agentDefSchema = z.object({
  id: z.string().min(1),
  email: z.string().includes('@'),
  name: z.string().min(1),
  roles: z.array(roleSchema).min(1),
  crmUserId: z.string().min(1).nullable().default(null),
  /** Queues (leaf or parent ids) this agent serves; absent = every queue. */
  queueIds: z.array(z.string().min(1)).optional(),
  /** Extension (SOFT-1): the agent's SIP address of record; absent = `sip:<id>@<sipDomain>`. */
  sipUri: z.string().regex(/^sips?:[^@\s]+@[^\s]+$/, 'a SIP URI such as sip:ag-1001@agentdesk.test').optional(),
});
export type AgentDef = z.input<typeof agentDefSchema>;

export const queueDefSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  parent: z.string().min(1).nullable().default(null),
});
export type QueueDef = z.input<typeof queueDefSchema>;

export const simConfigSchema = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(0),
    settings: z.record(z.string(), z.unknown()).default({}),
    agents: z.array(agentDefSchema).prefault(DEFAULT_AGENTS),
    queues: z.array(queueDefSchema).prefault(DEFAULT_QUEUES),
    statuses: z.array(agentStatusDefSchema).default(DEFAULT_STATUSES),
    shortAbandonSec: z.number().min(0).default(10),
    /** 0 = an offer rings until the agent answers or rejects. */
    ringTimeoutSec: z.number().min(0).default(30),
    /** 0 = straight to `available` after a voice session. */
    wrapUpSec: z.number().min(0).default(0),
    chatCapacity: z.number().int().min(1).default(3),
    recordingDelayMs: z.number().int().min(0).default(0),
    /** null = outbound calls connect only on `session.accept`. */
    outboundAnswerMs: z.number().int().min(0).nullable().default(null),
    outboundRecording: z.boolean().default(true),
    replayBufferSize: z.number().int().min(1).default(2000),
    validateOutgoing: z.boolean().default(true),
    /** First seq of every identity is seqStart + 1 (serve.ts uses the start time: see README). */
    seqStart: z.number().int().min(0).default(0),
    emittedLogSize: z.number().int().min(0).default(20_000),
    /** Extension (SOFT-1): the host of the agents' default SIP URIs (`sip:<agent id>@<sipDomain>`). */
    sipDomain: z.string().min(1).regex(/^[^\s@;?]+$/).default(DEFAULT_SIP_DOMAIN),
  })
  .strict();
export type SimConfig = z.input<typeof simConfigSchema>;

export interface SimOptions extends Omit<SimConfig, 'settings'> {
  settings?: SettingsInput;
  clock?: Clock;
  /** Where the simulator writes its log lines (default: stderr). */
  log?: (line: string) => void;
}

export type ResolvedOptions = Omit<z.output<typeof simConfigSchema>, 'settings' | 'agents' | 'queues'> & {
  agents: z.output<typeof agentDefSchema>[];
  queues: z.output<typeof queueDefSchema>[];
  settings: Settings;
  clock: Clock;
  log: (line: string) => void;
};

export function parseSettings(input: unknown, where: string): Settings {
  const r = settingsSchema.safeParse(input);
  if (!r.success) throw new Error(`${where}: ${z.prettifyError(r.error).replace(/\n/g, '; ')}`);
  return r.data;
}

function checkStatuses(statuses: AgentStatusDef[]): void {
  const ids = new Set<string>();
  for (const s of statuses) {
    if (ids.has(s.id)) throw new Error(`statuses: duplicate id "${s.id}"`);
    ids.add(s.id);
  }
  const need: [string, AgentStatusDef['kind']][] = [
    [SYSTEM_STATUS_IDS.available, 'available'],
    [SYSTEM_STATUS_IDS.offline, 'unavailable'],
    [SYSTEM_STATUS_IDS.inCall, 'system'],
    [SYSTEM_STATUS_IDS.wrapUp, 'system'],
  ];
  for (const [id, kind] of need) {
    const s = statuses.find((x) => x.id === id);
    if (!s || s.kind !== kind) throw new Error(`statuses: the simulator needs status "${id}" of kind "${kind}"`);
  }
}

function checkAgents(agents: z.output<typeof agentDefSchema>[]): void {
  const emails = new Set<string>();
  const ids = new Set<string>();
  for (const a of agents) {
    const email = a.email.toLowerCase();
    if (emails.has(email)) throw new Error(`agents: duplicate e-mail "${a.email}"`);
    if (ids.has(a.id)) throw new Error(`agents: duplicate id "${a.id}"`);
    emails.add(email);
    ids.add(a.id);
  }
}

export function resolveOptions(opts: SimOptions = {}): ResolvedOptions {
  const { clock, log, settings, ...json } = opts;
  const parsed = simConfigSchema.safeParse(json);
  if (!parsed.success) throw new Error(`contact-center options: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  const cfg = parsed.data;
  checkStatuses(cfg.statuses);
  checkAgents(cfg.agents);
  const agents = cfg.agents.map((a) => ({ ...a, email: a.email.toLowerCase() }));
  return {
    ...cfg,
    agents,
    settings: parseSettings(deepMerge(settingsSchema.parse({}), settings ?? cfg.settings), 'contact-center settings'),
    clock: clock ?? systemClock,
    log: log ?? ((line: string) => process.stderr.write(`[contact-center] ${line}\n`)),
  };
}
