// The simulator's one port: socket.io (namespace /agent, connection-state recovery on) plus
// plain HTTP for /media and /control. close() and listen() again on the same port is restart().
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { Server as IoServer } from 'socket.io';
import { authenticate, onConnection } from './connection.js';
import type { SimContext } from './context.js';

export type HttpHandler = (req: IncomingMessage, res: ServerResponse, path: string) => boolean | Promise<boolean>;

/** How long socket.io keeps a dropped connection's state and missed packets. */
const RECOVERY_WINDOW_MS = 2 * 60_000;

export class Transport {
  private http: HttpServer | null = null;
  private io: IoServer | null = null;
  private handlers: HttpHandler[] = [];
  port = 0;

  constructor(private readonly ctx: SimContext) {}

  use(handler: HttpHandler): void {
    this.handlers.push(handler);
  }

  async listen(host: string, port: number): Promise<number> {
    const http = createServer((req, res) => void this.onRequest(req, res));
    const io = new IoServer(http, {
      serveClient: false,
      cors: { origin: true },
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: true },
    });
    io.use((_socket, next) => next(new Error('connect to the /agent namespace')));
    const nsp = io.of('/agent');
    nsp.use(authenticate);
    nsp.on('connection', (socket) => onConnection(this.ctx, socket));
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    const addr = http.address();
    this.port = typeof addr === 'object' && addr ? addr.port : port;
    this.http = http;
    this.io = io;
    this.ctx.hub.attach(nsp);
    return this.port;
  }

  /** Drop every connection at the transport level: clients see a transport close and reconnect. */
  dropAll(): number {
    const sockets = this.ctx.agents.sockets();
    for (const s of sockets) s.conn.close();
    return sockets.length;
  }

  async close(): Promise<void> {
    const { http, io } = this;
    this.http = null;
    this.io = null;
    this.ctx.hub.attach(null);
    if (!io || !http) return;
    const closed = io.close();
    // Keep-alive HTTP clients (fetch) would otherwise hold close() open for seconds.
    http.closeAllConnections();
    await closed;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      for (const h of this.handlers) if (await h(req, res, path)) return;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'not_found', message: `no route ${req.method} ${path}` } }));
    } catch (err) {
      this.ctx.cfg.log(`HTTP ${req.method} ${path} failed: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'unavailable', message: 'internal error' } }));
    }
  }
}
