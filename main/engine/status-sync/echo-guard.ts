// SYNC-7 echo guard: every write of ours leaves a token "this side will report value V"; the
// matching report is our echo, not a new change. Tokens expire, so a lost echo cannot hide a
// real change for long (and a real change to the same value is harmless to swallow).
import { DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_ECHO_TTL_MS, RECENT_WRITES } from './state.js';
import type { DecideContext, PendingWrite, SyncState } from './state.js';
import type { Side, WriteAction } from './types.js';

/** Record a write and return the action that performs it. */
export function addWrite(
  state: SyncState,
  side: Side,
  value: string,
  ctx: DecideContext,
): { state: SyncState; action: WriteAction } {
  const commandId = `${side}-${state.nextCommand}`;
  const write: PendingWrite = {
    commandId,
    side,
    value,
    expiresAt: ctx.now + (ctx.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS),
    acked: false,
    eventsAtSend: state.eventCount[side],
  };
  const next: SyncState = {
    ...state,
    pending: [...state.pending, write],
    recentWrites: { ...state.recentWrites, [side]: [...state.recentWrites[side], value].slice(-RECENT_WRITES) },
    budget: { ...state.budget, [side]: state.budget[side] - 1 },
    nextCommand: state.nextCommand + 1,
  };
  const action: WriteAction =
    side === 'cc' ? { type: 'cc.setStatus', commandId, statusId: value, source: 'crm' } : { type: 'crm.setStatus', commandId, name: value };
  return { state: next, action };
}

/** The oldest unexpired token matching this report is consumed; null when it is not our echo. */
export function consumeEcho(state: SyncState, side: Side, value: string): SyncState | null {
  const i = state.pending.findIndex((p) => p.side === side && p.value === value);
  if (i < 0) return null;
  return { ...state, pending: state.pending.filter((_, j) => j !== i) };
}

/** A report tagged with our command id is our echo, even when its token already expired. */
export function consumeTagged(state: SyncState, commandId: string): SyncState {
  return removeWrite(state, commandId);
}

export function findWrite(state: SyncState, commandId: string): PendingWrite | undefined {
  return state.pending.find((p) => p.commandId === commandId);
}

export function removeWrite(state: SyncState, commandId: string): SyncState {
  return { ...state, pending: state.pending.filter((p) => p.commandId !== commandId) };
}

/** The write landed: from now on its token only waits `echoTtlMs` for the echo. */
export function markAcked(state: SyncState, commandId: string, ctx: DecideContext): SyncState {
  const expiresAt = ctx.now + (ctx.echoTtlMs ?? DEFAULT_ECHO_TTL_MS);
  return { ...state, pending: state.pending.map((p) => (p.commandId === commandId ? { ...p, acked: true, expiresAt } : p)) };
}

export function dropSide(state: SyncState, side: Side): SyncState {
  return { ...state, pending: state.pending.filter((p) => p.side !== side) };
}

export function pruneExpired(state: SyncState, now: number): SyncState {
  if (state.pending.every((p) => p.expiresAt > now)) return state;
  return { ...state, pending: state.pending.filter((p) => p.expiresAt > now) };
}

/**
 * What a side will show once our outstanding writes land: the newest write not yet acknowledged,
 * else what it reported. An acknowledged write has landed; its token only waits for the echo.
 */
export function expectedValue(state: SyncState, side: Side): string | null {
  for (let i = state.pending.length - 1; i >= 0; i--) {
    const p = state.pending[i];
    if (p !== undefined && p.side === side && !p.acked) return p.value;
  }
  return side === 'cc' ? state.cc.statusId : state.crm.name;
}
