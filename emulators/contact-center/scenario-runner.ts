// Plays a scenario against a running simulator: each step waits for its time (scaled by
// `speed`), steps that depend on agents (accept, waitFor) wait for the session's state, and
// names given with `as` resolve to the ids the simulator assigned.
import type { ContactCenterSim } from './handle.js';
import { parseScenario, type Scenario, type ScenarioStep } from './scenario-schema.js';
import type { SessionState } from './session-store.js';

export type { ScenarioStep };

export interface ScenarioOptions {
  /** 2 = twice as fast as written. Timing only: the simulator's clock is not scaled. */
  speed?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Default limit for steps that wait on a session (real ms). */
  waitTimeoutMs?: number;
}

export interface ScenarioResult {
  /** Names from `as` -> session or voicemail ids. */
  ids: Record<string, string>;
  steps: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('scenario aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(t);
      reject(new Error('scenario aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

async function until(check: () => boolean, timeoutMs: number, what: string, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10, signal);
  }
}

export async function runScenario(
  sim: ContactCenterSim,
  scenario: Scenario | ScenarioStep[],
  opts: ScenarioOptions = {},
): Promise<ScenarioResult> {
  const { steps } = parseScenario(Array.isArray(scenario) ? { name: 'inline', steps: scenario } : scenario);
  const speed = opts.speed ?? 1;
  if (!(speed > 0)) throw new Error('speed must be > 0');
  const log = opts.log ?? (() => {});
  const waitMs = opts.waitTimeoutMs ?? 15_000;
  const ids: Record<string, string> = {};
  const id = (ref: string) => ids[ref] ?? ref;
  const start = Date.now();

  const waitState = async (ref: string, states: SessionState[], agentEmail: string | undefined, timeoutMs: number) => {
    const sessionId = id(ref);
    if (!sim.session(sessionId)) throw new Error(`unknown session "${ref}"`);
    await until(
      () => {
        const s = sim.session(sessionId);
        return !!s && states.includes(s.state) && (!agentEmail || s.agentEmail === agentEmail.toLowerCase());
      },
      timeoutMs,
      `${ref} (${sessionId}) to be ${states.join('/')}${agentEmail ? ` with ${agentEmail}` : ''}`,
      opts.signal,
    );
  };

  for (const [i, step] of steps.entries()) {
    await sleep(start + step.at / speed - Date.now(), opts.signal);
    try {
      switch (step.do) {
        case 'inbound': {
          const sessionId = sim.inbound(step.args);
          if (step.as) ids[step.as] = sessionId;
          log(`inbound ${step.args.type} ${sessionId}${step.as ? ` (${step.as})` : ''}`);
          break;
        }
        case 'message':
          sim.consumerMessage(id(step.args.session), step.args.text, step.args.from);
          break;
        case 'abandon':
          sim.abandon(id(step.args.session));
          break;
        case 'end':
          sim.end(id(step.args.session));
          break;
        case 'accept':
          await waitState(step.args.session, ['offered'], undefined, step.args.timeoutMs ?? waitMs);
          sim.accept(id(step.args.session));
          break;
        case 'hold':
          sim.hold(id(step.args.session), step.args.on);
          break;
        case 'transfer': {
          const { session, ...target } = step.args;
          sim.transfer(id(session), target);
          break;
        }
        case 'csat':
          sim.csat(id(step.args.session), step.args.rating, step.args.comment ?? null);
          break;
        case 'smartAction': {
          const { session, ...action } = step.args;
          sim.smartAction(id(session), action);
          break;
        }
        case 'voicemail': {
          const voicemailId = sim.voicemail(step.args);
          if (step.as) ids[step.as] = voicemailId;
          break;
        }
        case 'voicemailUpdate':
          sim.voicemailUpdate(id(step.args.voicemail), step.args.action, step.args.byEmail);
          break;
        case 'dial': {
          const sessionId = sim.dial(step.args.email, step.args.number, step.args.queueId);
          if (step.as) ids[step.as] = sessionId;
          break;
        }
        case 'settings':
          sim.setSettings(step.args);
          break;
        case 'agentStatus':
          sim.setAgentStatus(step.args.email, step.args.statusId, step.args.source);
          break;
        case 'waitFor': {
          const states = Array.isArray(step.args.state) ? step.args.state : [step.args.state];
          await waitState(step.args.session, states, step.args.agentEmail, step.args.timeoutMs ?? waitMs);
          break;
        }
        case 'note':
          log(step.args.text);
          break;
      }
    } catch (err) {
      throw new Error(`scenario step ${i + 1} (${step.do} at ${step.at} ms): ${err instanceof Error ? err.message : String(err)}`, {
        cause: err,
      });
    }
  }
  return { ids, steps: steps.length };
}
