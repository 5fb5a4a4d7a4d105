// Where the bridge looks in the Kustomer page and which of the page's own API calls it makes.
// The defaults describe the page emulator (emulators/kustomer-page/); against the real Kustomer
// the selectors and the session-start call must be checked, see docs/kustomer-page.md.
export interface KustomerPageProfile {
  /** The element that shows the user's status (bottom left); any change in it triggers a check. */
  statusSelector: string;
  /** The element carrying data-user-id / data-user-email: the fallback when the API cannot say who is signed in. */
  userSelector: string;
  paths: {
    currentUser: string;
    statuses: string;
    activeSession: string;
    session(id: string): string;
    /** Starts a work session for a user who has none (offline): the web app's own call. */
    startSession: string;
  };
  /** Per API call; a hung call must not stall the bridge. */
  requestTimeoutMs: number;
}

export const DEFAULT_PROFILE: KustomerPageProfile = {
  statusSelector: '[data-testid="user-status"]',
  userSelector: '[data-testid="current-user"]',
  paths: {
    currentUser: '/v1/users/current',
    statuses: '/v1/routing/statuses?pageSize=100',
    activeSession: '/v1/routing/work-sessions?user=true&active=true',
    session: (id) => `/v1/routing/work-sessions/${encodeURIComponent(id)}`,
    startSession: '/app/api/work-sessions',
  },
  requestTimeoutMs: 15_000,
};
