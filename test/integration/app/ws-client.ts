// A minimal WebSocket client for the browser-host tests: raw HTTP upgrade over node:net (so the
// tests choose every header, e.g. a hostile Origin), masked client frames, and a queue of the
// server's messages. Interop with a real browser is covered by the Chromium tests (test/e2e/app-host).
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { acceptKey, encodeFrame, FrameParser, OP, type Frame } from '../../../main/browser-host/websocket.js';

export interface UpgradeReply {
  status: number;
  headers: string;
  socket: net.Socket;
  rest: Buffer;
}

export function upgrade(url: string, headers: Record<string, string | undefined>): Promise<UpgradeReply> {
  const u = new URL(url);
  const key = randomBytes(16).toString('base64');
  const all: Record<string, string | undefined> = {
    host: u.host,
    upgrade: 'websocket',
    connection: 'Upgrade',
    'sec-websocket-version': '13',
    'sec-websocket-key': key,
    ...headers,
  };
  const lines = [`GET ${u.pathname}${u.search} HTTP/1.1`, ...Object.entries(all).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`), '', ''];
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(u.port), u.hostname, () => socket.write(lines.join('\r\n')));
    let buf = Buffer.alloc(0);
    const onData = (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const head = buf.subarray(0, end).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      if (status === 101 && !head.includes(`Sec-WebSocket-Accept: ${acceptKey(key)}`)) return reject(new Error('bad Sec-WebSocket-Accept'));
      resolve({ status, headers: head, socket, rest: buf.subarray(end + 4) });
    };
    socket.on('data', onData);
    socket.on('error', reject);
  });
}

export class TestWs {
  readonly messages: unknown[] = [];
  readonly frames: Frame[] = [];
  closeCode: number | null = null;
  private waiters: { pred: (m: unknown) => boolean; resolve: (m: unknown) => void }[] = [];
  private closeWaiters: ((code: number) => void)[] = [];
  private readonly parser = new FrameParser(16 * 1024 * 1024);
  private seq = 0;

  constructor(readonly socket: net.Socket, rest: Buffer) {
    socket.on('data', (c: Buffer) => this.data(c));
    socket.on('close', () => this.closed(this.closeCode ?? 1006));
    if (rest.length) this.data(rest);
  }

  static async open(url: string, origin: string): Promise<TestWs> {
    const r = await upgrade(url, { origin });
    if (r.status !== 101) throw new Error(`upgrade refused: ${r.status}`);
    return new TestWs(r.socket, r.rest);
  }

  private data(c: Buffer): void {
    for (const f of this.parser.push(c)) {
      this.frames.push(f);
      if (f.opcode === OP.text) {
        const m: unknown = JSON.parse(f.payload.toString('utf8'));
        this.messages.push(m);
        for (const w of [...this.waiters]) {
          if (!w.pred(m)) continue;
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(m);
        }
      } else if (f.opcode === OP.close) {
        this.closeCode = f.payload.length >= 2 ? f.payload.readUInt16BE(0) : 1005;
      }
    }
  }

  private closed(code: number): void {
    for (const w of this.closeWaiters.splice(0)) w(code);
  }

  sendRaw(opcode: number, payload: Buffer, opts: { masked?: boolean; fin?: boolean } = {}): void {
    this.socket.write(encodeFrame(opcode, payload, opts.masked === false ? undefined : randomBytes(4), opts.fin ?? true));
  }

  sendText(text: string): void {
    this.sendRaw(OP.text, Buffer.from(text, 'utf8'));
  }

  /** {id, channel, request}; resolves with the matching {id, result}. */
  async invoke(channel: string, request: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
    const id = `r${++this.seq}`;
    const reply = this.next((m) => (m as { id?: unknown }).id === id);
    this.sendText(JSON.stringify({ id, channel, request }));
    return ((await reply) as { result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }).result;
  }

  next(pred: (m: unknown) => boolean, timeoutMs = 10_000): Promise<unknown> {
    const found = this.messages.find(pred);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching message')), timeoutMs);
      this.waiters.push({ pred, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  whenClosed(timeoutMs = 10_000): Promise<number> {
    if (this.socket.destroyed) return Promise.resolve(this.closeCode ?? 1006);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('not closed')), timeoutMs);
      this.closeWaiters.push((c) => (clearTimeout(timer), resolve(c)));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
