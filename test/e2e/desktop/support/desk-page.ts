// One agent's AgentDesk as the agent sees it: the real renderer in its own browser context, on the
// desk's core through the browser host, with the Kustomer page framed beside it. Helpers act
// through the UI (roles, labels, the renderer's test ids) and wait for conditions, never for time.
import { expect, type Browser, type BrowserContext, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { AppState, LiveSession } from '../../../../common/ipc/app-state.js';
import type { Desk } from '../../app-host/stack.js';

/**
 * Runs in every document before its scripts: in the top frame (our renderer) the peer connections
 * the softphone creates are kept in a hidden list, so the spec can read the agent's RTP statistics.
 * Nothing else changes; the Kustomer frame is left alone.
 */
function trackPeerConnections(): void {
  if (window.top !== window || typeof RTCPeerConnection !== 'function') return;
  const list: RTCPeerConnection[] = [];
  const Native = RTCPeerConnection;
  class Tracked extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      list.push(this);
    }
  }
  Object.defineProperty(window, 'RTCPeerConnection', { value: Tracked, writable: true, configurable: true });
  Object.defineProperty(window, '__e2ePeerConnections', { value: list, enumerable: false });
}

export interface AgentAudio {
  /** Open (not closed) peer connections of the softphone. */
  connections: number;
  packetsReceived: number;
  packetsSent: number;
}

export class DeskPage {
  /** Page errors and console errors of our own origin (the specs expect none). */
  readonly problems: string[] = [];
  /** Every document load in the Kustomer frame (not its in-page navigations), oldest first. */
  readonly kustomerLoads: string[] = [];

  private constructor(
    readonly desk: Desk,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, desk: Desk): Promise<DeskPage> {
    const context = await browser.newContext({ permissions: ['microphone'], viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Seoul' });
    await context.addInitScript(trackPeerConnections);
    const page = await context.newPage();
    const d = new DeskPage(desk, context, page);
    page.on('pageerror', (e) => d.problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && m.location().url.startsWith(desk.host.origin)) d.problems.push(`console: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (r.resourceType() === 'document' && r.frame() !== page.mainFrame()) d.kustomerLoads.push(r.url());
    });
    await page.goto(desk.host.url);
    await expect(page.getByTestId('status-button')).toBeVisible();
    await expect(page.getByTestId('phone-state')).toBeAttached();
    return d;
  }

  get agent(): string {
    return this.desk.agent;
  }

  state(): AppState {
    return this.desk.core.getState();
  }

  session(id: string): LiveSession | undefined {
    return this.state().sessions.find((s) => s.session.id === id);
  }

  /** The Kustomer page in the pane (through the host's Kustomer proxy). */
  get kustomer(): FrameLocator {
    return this.page.frameLocator('[data-testid="kustomer-frame"]');
  }

  get offer(): Locator {
    return this.page.getByTestId('offer');
  }

  get callCard(): Locator {
    return this.page.getByTestId('call-card');
  }

  /** The record card (POP-1) of one session (finished sessions keep theirs on screen for a while). */
  recordCard(sessionId: string): Locator {
    return this.page.locator(`[data-testid="record-card"][aria-labelledby="record-${sessionId}"]`);
  }

  /** The softphone says "SIP registered" (the page's SipPhone registered with Kamailio). */
  async waitForSip(): Promise<void> {
    await expect(this.page.getByTestId('phone-state')).toContainText(/SIP registered|SIP 등록됨/);
  }

  /** Signs in to Kustomer in the pane with the agent's e-mail; the core hears the page's user. */
  async signInToKustomer(): Promise<void> {
    await this.kustomer.getByLabel(/e-mail/i).fill(this.agent);
    await this.kustomer.getByRole('button', { name: /sign in/i }).click();
    await expect(this.kustomer.getByTestId('current-user')).toHaveAttribute('data-user-email', this.agent);
    await expect.poll(() => this.state().kustomer.userEmail, { message: `${this.agent}: Kustomer page reported its user` }).toBe(this.agent);
  }

  /** Picks a status in AgentDesk's status menu (English UI). */
  async chooseStatus(name: string): Promise<void> {
    await this.page.getByTestId('status-button').click();
    await this.page.getByRole('listbox', { name: 'Choose a status' }).getByRole('option', { name }).click();
    await expect(this.page.getByTestId('status-button')).toContainText(name);
  }

  /** Switches the UI language with the top bar's buttons and waits for the page to follow. */
  async setLanguage(locale: 'en' | 'ko'): Promise<void> {
    await this.page.getByRole('button', { name: locale === 'en' ? 'English' : '한국어' }).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
  }

  /** RTP counters of the softphone's open peer connections. */
  audio(): Promise<AgentAudio> {
    return this.page.evaluate(async () => {
      const pcs = ((window as unknown as { __e2ePeerConnections?: RTCPeerConnection[] }).__e2ePeerConnections ?? []).filter((pc) => pc.signalingState !== 'closed');
      let packetsReceived = 0;
      let packetsSent = 0;
      for (const pc of pcs) {
        (await pc.getStats()).forEach((s: { type?: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
          if (s.kind !== 'audio') return;
          if (s.type === 'inbound-rtp') packetsReceived += s.packetsReceived ?? 0;
          if (s.type === 'outbound-rtp') packetsSent += s.packetsSent ?? 0;
        });
      }
      return { connections: pcs.length, packetsReceived, packetsSent };
    });
  }

  /** The caller's audio keeps arriving at the agent: two readings, the second higher. */
  async waitForAudioIn(): Promise<void> {
    const first = (await this.audio()).packetsReceived;
    await expect.poll(async () => (await this.audio()).packetsReceived, { message: `${this.agent}: audio in` }).toBeGreaterThan(first);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}
