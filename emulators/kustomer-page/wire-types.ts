// What the page emulator's server sends its browser client (server-sent events and replies):
// shared by both sides, so this file imports nothing.

/** The user's confirmed status as the page shows it. */
export interface StatusView {
  sessionId: string | null;
  active: boolean;
  statusId: string;
  name: string;
  statusType: string;
  changedAt: string | null;
}
