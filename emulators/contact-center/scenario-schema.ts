// Scenario files: a JSON list of timed steps (`at` ms from the start) the runner plays against
// a simulator. Sessions and voicemails created by a step can be named (`as`) and referred to
// later by that name.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { statusSourceSchema } from '../../common/protocol/index.js';
import { inboundInput, smartActionInput, voicemailInput } from './control-schemas.js';

const at = z.number().min(0);
const ref = z.string().min(1);
const alias = z.string().min(1).optional();
const session = z.strictObject({ session: ref });
const STATES = ['queued', 'offered', 'connected', 'ended', 'abandoned'] as const;

export const scenarioStepSchema = z.discriminatedUnion('do', [
  z.strictObject({ at, do: z.literal('inbound'), as: alias, args: inboundInput }),
  z.strictObject({
    at,
    do: z.literal('message'),
    args: z.strictObject({ session: ref, text: z.string().min(1), from: z.enum(['consumer', 'bot']).optional() }),
  }),
  z.strictObject({ at, do: z.literal('abandon'), args: session }),
  z.strictObject({ at, do: z.literal('end'), args: session }),
  /** Waits until the session rings at an agent, then answers on that agent's behalf. */
  z.strictObject({ at, do: z.literal('accept'), args: session.extend({ timeoutMs: z.number().int().positive().optional() }) }),
  z.strictObject({ at, do: z.literal('hold'), args: z.strictObject({ session: ref, on: z.boolean() }) }),
  z.strictObject({
    at,
    do: z.literal('transfer'),
    args: z.union([
      z.strictObject({ session: ref, toAgentEmail: ref }),
      z.strictObject({ session: ref, toAgentId: ref }),
      z.strictObject({ session: ref, toQueueId: ref }),
    ]),
  }),
  z.strictObject({
    at,
    do: z.literal('csat'),
    args: z.strictObject({ session: ref, rating: z.number().int().min(1).max(5), comment: z.string().nullable().optional() }),
  }),
  z.strictObject({ at, do: z.literal('smartAction'), args: smartActionInput.omit({ sessionId: true }).extend({ session: ref }) }),
  z.strictObject({ at, do: z.literal('voicemail'), as: alias, args: voicemailInput }),
  z.strictObject({
    at,
    do: z.literal('voicemailUpdate'),
    args: z.strictObject({ voicemail: ref, action: z.enum(['read', 'closed', 'called_back']), byEmail: ref }),
  }),
  z.strictObject({ at, do: z.literal('dial'), as: alias, args: z.strictObject({ email: ref, number: ref, queueId: ref.optional() }) }),
  z.strictObject({ at, do: z.literal('settings'), args: z.record(z.string(), z.unknown()) }),
  z.strictObject({
    at,
    do: z.literal('agentStatus'),
    args: z.strictObject({ email: ref, statusId: ref, source: statusSourceSchema.optional() }),
  }),
  /** Blocks later steps until the session reaches one of `state` (optionally with agent `agentEmail`). */
  z.strictObject({
    at,
    do: z.literal('waitFor'),
    args: z.strictObject({
      session: ref,
      state: z.union([z.enum(STATES), z.array(z.enum(STATES)).min(1)]),
      agentEmail: ref.optional(),
      timeoutMs: z.number().int().positive().optional(),
    }),
  }),
  z.strictObject({ at, do: z.literal('note'), args: z.strictObject({ text: z.string() }) }),
]);
export type ScenarioStep = z.input<typeof scenarioStepSchema>;

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  steps: z.array(scenarioStepSchema).min(1),
});
export type Scenario = z.output<typeof scenarioSchema>;

export function parseScenario(input: unknown, where = 'scenario'): Scenario {
  const r = scenarioSchema.safeParse(input);
  if (!r.success) throw new Error(`${where}: ${z.prettifyError(r.error).replace(/\n/g, '; ')}`);
  for (let i = 1; i < r.data.steps.length; i++) {
    const prev = r.data.steps[i - 1]?.at ?? 0;
    if ((r.data.steps[i]?.at ?? 0) < prev) throw new Error(`${where}: step ${i + 1} is timed before step ${i}`);
  }
  return r.data;
}

export async function loadScenario(path: string): Promise<Scenario> {
  return parseScenario(JSON.parse(await readFile(path, 'utf8')) as unknown, path);
}
