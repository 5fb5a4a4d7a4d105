// A small RFC 6455 WebSocket server for the browser host: the opening handshake, text messages
// (fragmented or not), ping/pong and the closing handshake. Client frames must be masked; binary
// messages, invalid UTF-8, oversized messages and protocol errors close the connection with the
// RFC's codes. Loopback only, one page per connection: no extensions, no subprotocols.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
export const OP = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;
export const CLOSE = { normal: 1000, goingAway: 1001, protocol: 1002, unsupported: 1003, invalidData: 1007, policy: 1008, tooBig: 1009 } as const;

export function acceptKey(key: string): string {
  return createHash('sha1').update(key + GUID).digest('base64');
}

/** One frame, server side unmasked; pass `mask` to build a client frame (tests). */
export function encodeFrame(opcode: number, payload: Buffer, mask?: Buffer, fin = true): Buffer {
  const len = payload.length;
  const ext = len < 126 ? 0 : len < 65536 ? 2 : 8;
  const head = Buffer.alloc(2 + ext + (mask ? 4 : 0));
  head[0] = (fin ? 0x80 : 0) | opcode;
  head[1] = (mask ? 0x80 : 0) | (ext === 0 ? len : ext === 2 ? 126 : 127);
  if (ext === 2) head.writeUInt16BE(len, 2);
  if (ext === 8) head.writeBigUInt64BE(BigInt(len), 2);
  if (!mask) return Buffer.concat([head, payload]);
  mask.copy(head, 2 + ext);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = (body[i] as number) ^ (mask[i % 4] as number);
  return Buffer.concat([head, body]);
}

export interface Frame {
  fin: boolean;
  opcode: number;
  masked: boolean;
  payload: Buffer;
}

/** Incremental frame parser; `maxPayload` bounds a single frame. Throws a `{code}` error on a protocol violation. */
export class FrameParser {
  private buf: Buffer = Buffer.alloc(0);
  constructor(private readonly maxPayload: number) {}

  push(chunk: Buffer): Frame[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: Frame[] = [];
    for (;;) {
      if (this.buf.length < 2) return out;
      const b0 = this.buf[0] as number;
      const b1 = this.buf[1] as number;
      if (b0 & 0x70) throw wsError(CLOSE.protocol, 'reserved bits set');
      let len = b1 & 0x7f;
      let off = 2;
      if (len === 126) {
        if (this.buf.length < 4) return out;
        len = this.buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (this.buf.length < 10) return out;
        const big = this.buf.readBigUInt64BE(2);
        if (big > BigInt(this.maxPayload)) throw wsError(CLOSE.tooBig, 'frame too large');
        len = Number(big);
        off = 10;
      }
      if (len > this.maxPayload) throw wsError(CLOSE.tooBig, 'frame too large');
      const masked = (b1 & 0x80) !== 0;
      const total = off + (masked ? 4 : 0) + len;
      if (this.buf.length < total) return out;
      const payload = Buffer.from(this.buf.subarray(off + (masked ? 4 : 0), total));
      if (masked) {
        const mask = this.buf.subarray(off, off + 4);
        for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
      }
      out.push({ fin: (b0 & 0x80) !== 0, opcode: b0 & 0x0f, masked, payload });
      this.buf = this.buf.subarray(total);
    }
  }
}

function wsError(code: number, message: string): Error & { code: number } {
  return Object.assign(new Error(message), { code });
}

export interface WsConnection {
  send(text: string): void;
  close(code?: number, reason?: string): void;
  onMessage(listener: (text: string) => void): void;
  onClose(listener: (code: number) => void): void;
  readonly open: boolean;
}

/** Completes the handshake on an `upgrade` request, or answers it with 400 and returns null. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer, opts: { maxMessageBytes: number }): WsConnection | null {
  const key = req.headers['sec-websocket-key'];
  const valid =
    req.method === 'GET' &&
    String(req.headers.upgrade ?? '').toLowerCase() === 'websocket' &&
    /\bupgrade\b/i.test(String(req.headers.connection ?? '')) &&
    req.headers['sec-websocket-version'] === '13' &&
    typeof key === 'string' &&
    Buffer.from(key, 'base64').length === 16;
  if (!valid) {
    refuseUpgrade(socket, 400, 'Bad Request');
    return null;
  }
  socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${acceptKey(key)}`, '', ''].join('\r\n'));
  return new ServerConnection(socket, head, opts.maxMessageBytes);
}

export function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

class ServerConnection implements WsConnection {
  private readonly parser: FrameParser;
  private readonly messageListeners: ((t: string) => void)[] = [];
  private readonly closeListeners: ((code: number) => void)[] = [];
  private fragments: Buffer[] = [];
  private fragmentBytes = 0;
  private closing = false;
  private closed = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly socket: Duplex,
    head: Buffer,
    private readonly maxMessageBytes: number,
  ) {
    this.parser = new FrameParser(maxMessageBytes);
    socket.on('data', (c: Buffer) => this.data(c));
    socket.on('close', () => this.finish(1006));
    // HTTP server sockets allow half-open connections: a peer that just goes away sends FIN only.
    socket.on('end', () => {
      this.finish(1006);
      socket.end();
    });
    socket.on('error', () => this.finish(1006));
    if (head.length) queueMicrotask(() => this.data(head));
  }

  get open(): boolean {
    return !this.closing && !this.closed;
  }

  onMessage(l: (t: string) => void): void {
    this.messageListeners.push(l);
  }

  onClose(l: (code: number) => void): void {
    this.closeListeners.push(l);
  }

  send(text: string): void {
    if (this.open) this.socket.write(encodeFrame(OP.text, Buffer.from(text, 'utf8')));
  }

  close(code: number = CLOSE.normal, reason = ''): void {
    if (this.closed) return;
    if (!this.closing) {
      this.closing = true;
      const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
      payload.writeUInt16BE(code, 0);
      payload.write(reason, 2);
      this.socket.write(encodeFrame(OP.close, payload.subarray(0, 125)));
    }
    this.socket.end();
  }

  private data(chunk: Buffer): void {
    if (this.closed) return;
    let frames: Frame[];
    try {
      frames = this.parser.push(chunk);
    } catch (e) {
      return this.close((e as { code?: number }).code ?? CLOSE.protocol, (e as Error).message);
    }
    for (const f of frames) if (!this.frame(f)) return;
  }

  /** Returns false once the connection is closing. */
  private frame(f: Frame): boolean {
    if (!f.masked) return this.fail(CLOSE.protocol, 'client frames must be masked');
    if (f.opcode >= 0x8) {
      if (!f.fin || f.payload.length > 125) return this.fail(CLOSE.protocol, 'bad control frame');
      if (f.opcode === OP.ping) this.socket.write(encodeFrame(OP.pong, f.payload));
      else if (f.opcode === OP.close) {
        const code = f.payload.length >= 2 ? f.payload.readUInt16BE(0) : CLOSE.normal;
        this.close(code === 1005 || code === 1006 ? CLOSE.normal : code);
        return false;
      }
      return true;
    }
    if (f.opcode === OP.binary) return this.fail(CLOSE.unsupported, 'binary messages are not accepted');
    if (f.opcode === OP.text ? this.fragments.length > 0 : f.opcode !== OP.continuation || this.fragments.length === 0) {
      return this.fail(CLOSE.protocol, 'unexpected frame in a fragmented message');
    }
    this.fragmentBytes += f.payload.length;
    if (this.fragmentBytes > this.maxMessageBytes) return this.fail(CLOSE.tooBig, 'message too large');
    this.fragments.push(f.payload);
    if (!f.fin) return true;
    const whole = Buffer.concat(this.fragments);
    this.fragments = [];
    this.fragmentBytes = 0;
    let text: string;
    try {
      text = this.decoder.decode(whole);
    } catch {
      return this.fail(CLOSE.invalidData, 'text is not UTF-8');
    }
    for (const l of this.messageListeners) l(text);
    return this.open;
  }

  private fail(code: number, reason: string): false {
    this.close(code, reason);
    return false;
  }

  private finish(code: number): void {
    if (this.closed) return;
    this.closed = true;
    for (const l of this.closeListeners) l(code);
  }
}
