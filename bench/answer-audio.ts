// SOFT-1 benchmark: from the agent's answer click (SipPhone.answer) to two-way audio (both sides
// receiving RTP), over N calls on loopback through a real Kamailio, in Debian's Chromium. Printed
// with baselines measured in the same run: plain sip.js user agents answering at once (INVITE ->
// 200 OK, and INVITE -> two-way audio; the callee opens its microphone then), and the SipPhone's
// answer -> 200 OK at the caller.
// Also the re-registration time after Kamailio restarts (target: within 5 s of it coming back).
//
//   npx tsx bench/answer-audio.ts [--calls 20] [--restarts 5]
//
// Needs Kamailio (apt-get install -y kamailio kamailio-websocket-modules) and /usr/bin/chromium.
import { debianChromium } from '../test/support/debian-chromium.js';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startKamailio, type Kamailio } from '../test/support/kamailio.js';
import { startSite } from '../test/e2e/softphone/support/site.js';

const TARGET_P95_MS = 300;
const TARGET_REREGISTER_MS = 5000;
const DOMAIN = 'agentdesk.test';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '20' }, restarts: { type: 'string', default: '5' } } });
const CALLS = Math.max(1, Number(values.calls));
const RESTARTS = Math.max(0, Number(values.restarts));

const epoch = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

function row(name: string, xs: number[]): string {
  const f = (n: number) => `${n.toFixed(0).padStart(6)} ms`;
  return `${name.padEnd(46)} n=${String(xs.length).padStart(3)}  p50 ${f(pct(xs, 50))}  p95 ${f(pct(xs, 95))}  max ${f(Math.max(...xs))}`;
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ permissions: ['microphone'] });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.pageReady === true);
  return page;
}

async function caller(browser: Browser, site: string, k: Kamailio, number: string, autoAnswer: boolean): Promise<Page> {
  const page = await openPage(browser, `${site}/caller/`);
  await page.evaluate(([a, auto]) => window.caller.start(a, { autoAnswer: auto }), [{ wsUrl: k.wsUrl, uri: `sip:${number}@${DOMAIN}` }, autoAnswer] as const);
  return page;
}

/** Plain sip.js both ends, answered at once: what signalling and media cost without the SipPhone. */
async function rawBaseline(browser: Browser, site: string, k: Kamailio): Promise<{ inviteTo200: number[]; inviteToAudio: number[] }> {
  const a = await caller(browser, site, k, '+820000000001', true);
  const b = await caller(browser, site, k, '+820000000002', true);
  const inviteTo200: number[] = [];
  const inviteToAudio: number[] = [];
  for (let i = 0; i <= CALLS; i++) {
    const idx = await a.evaluate((t) => window.caller.call(t, null), `sip:+820000000002@${DOMAIN}`);
    await a.evaluate((n) => window.caller.watchRtp(n), idx);
    await until('callee sees the call', () => b.evaluate((n) => window.caller.state().calls[n]?.state ?? null, idx));
    await b.evaluate((n) => window.caller.watchRtp(n), idx);
    const [aRtp, bRtp] = await Promise.all([a.evaluate((n) => window.caller.firstRtp(n), idx), b.evaluate((n) => window.caller.firstRtp(n), idx)]);
    const st = await a.evaluate((n) => window.caller.state().calls[n], idx);
    if (i > 0 && st?.timings.accepted && st.timings.sent) {
      inviteTo200.push(st.timings.accepted - st.timings.sent);
      inviteToAudio.push(Math.max(aRtp, bRtp) - st.timings.sent);
    }
    await a.evaluate((n) => window.caller.hangup(n), idx);
    await until('raw call ended', () => b.evaluate((n) => window.caller.state().calls[n]?.state === 'Terminated', idx));
  }
  await a.context().close();
  await b.context().close();
  return { inviteTo200, inviteToAudio };
}

async function sipPhoneCalls(agent: Page, cust: Page): Promise<{ twoWay: number[]; answerTo200: number[]; agentFirstRtp: number[] }> {
  const twoWay: number[] = [];
  const answerTo200: number[] = [];
  const agentFirstRtp: number[] = [];
  for (let i = 0; i <= CALLS; i++) {
    const id = `S-B${1000 + i}`;
    await agent.evaluate((s) => window.agentHarness.offer({ id: s }), id);
    const idx = await cust.evaluate(([t, s]) => window.caller.call(t, s), [`sip:ag-1001@${DOMAIN}`, id] as const);
    await until('the phone rings', () => agent.evaluate((s) => window.agentHarness.incoming().includes(s), id));
    await cust.evaluate((n) => window.caller.watchRtp(n), idx);
    const m = await agent.evaluate((s) => window.agentHarness.measureAnswer(s), id);
    const callerRtp = await cust.evaluate((n) => window.caller.firstRtp(n), idx);
    const st = await cust.evaluate((n) => window.caller.state().calls[n], idx);
    if (i > 0) {
      // i = 0 warms up Chromium's WebRTC stack and is not counted.
      twoWay.push(Math.max(m.firstRtp, callerRtp) - m.click);
      agentFirstRtp.push(m.firstRtp - m.click);
      if (st?.timings.accepted) answerTo200.push(st.timings.accepted - m.click);
    }
    await agent.evaluate((s) => window.agentHarness.run('hangup', s), id);
    await until('call ended', () => cust.evaluate((n) => window.caller.state().calls[n]?.state === 'Terminated', idx));
    await until('phone idle', () => agent.evaluate(() => window.agentHarness.debug().calls.length === 0));
  }
  return { twoWay, answerTo200, agentFirstRtp };
}

async function reregistration(agent: Page, k: Kamailio): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RESTARTS; i++) {
    const before = await agent.evaluate(() => window.agentHarness.registrationLog().filter((r) => r.state === 'registered').length);
    await k.restart();
    const back = epoch(); // Kamailio accepts WebSocket connections again
    const at = await until('re-registered', () =>
      agent.evaluate((n) => {
        const reg = window.agentHarness.registrationLog().filter((r) => r.state === 'registered');
        return reg.length > n ? (reg.at(-1)?.at ?? null) : null;
      }, before),
    );
    out.push(at - back);
  }
  return out;
}

async function main(): Promise<void> {
  const k = await startKamailio();
  const site = await startSite();
  const browser = await chromium.launch({ ...debianChromium(), headless: true });
  try {
    console.log(`answer -> two-way audio, ${CALLS} calls (+1 warm-up) on loopback through Kamailio ${k.wsUrl}`);
    const raw = await rawBaseline(browser, site.url, k);

    const agent = await openPage(browser, `${site.url}/harness/`);
    await agent.evaluate(([ws, uri]) => window.agentHarness.create({ wsUrl: ws, uri }, { logLevel: 'error' }), [k.wsUrl, `sip:ag-1001@${DOMAIN}`] as const);
    const reg = await agent.evaluate(() => window.agentHarness.run('register'));
    if (!reg.ok) throw new Error(`register failed: ${JSON.stringify(reg)}`);
    const cust = await caller(browser, site.url, k, '+821012345678', true);
    const phone = await sipPhoneCalls(agent, cust);
    const rereg = await reregistration(agent, k);

    console.log('');
    console.log(row('baseline: sip.js INVITE sent -> 200 OK', raw.inviteTo200));
    console.log(row('baseline: sip.js INVITE sent -> two-way audio', raw.inviteToAudio));
    console.log(row('SipPhone: answer click -> 200 OK at caller', phone.answerTo200));
    console.log(row('SipPhone: answer click -> agent hears caller', phone.agentFirstRtp));
    console.log(row('SipPhone: answer click -> two-way audio', phone.twoWay));
    if (rereg.length) console.log(row('re-registration after Kamailio restart', rereg));
    console.log('');
    const p95 = pct(phone.twoWay, 95);
    console.log(`answer -> two-way audio p95 ${p95.toFixed(0)} ms (target <= ${TARGET_P95_MS} ms): ${p95 <= TARGET_P95_MS ? 'MET' : 'MISSED'}`);
    console.log(`RESULT ${JSON.stringify({ answerAudioP50: +pct(phone.twoWay, 50).toFixed(1), answerAudioP95: +p95.toFixed(1), baselineInviteAudioP95: +pct(raw.inviteToAudio, 95).toFixed(1), reregisterWorstMs: rereg.length ? +Math.max(...rereg).toFixed(0) : null })}`);
    if (rereg.length) {
      const worst = Math.max(...rereg);
      console.log(`re-registration worst ${worst.toFixed(0)} ms after the server came back (target <= ${TARGET_REREGISTER_MS} ms): ${worst <= TARGET_REREGISTER_MS ? 'MET' : 'MISSED'}`);
    }
  } finally {
    await browser.close();
    await site.close();
    await k.stop();
  }
}

await main();
