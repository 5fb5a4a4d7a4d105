// Server-sent events to the open pages: each page keeps one stream, so the number of open
// streams of a user is the number of Kustomer pages (tabs, windows, webviews) open for them.
// Events: `snapshot` (on connect), `status` (the user's work session changed), `instances`
// (the count changed). A comment line every 15 s keeps idle connections alive.
import type { ServerResponse } from 'node:http';
import type { StatusView } from './wire-types.js';

export type { StatusView };

interface Stream {
  res: ServerResponse;
  userId: string;
  sessionId: string;
}

export type InstancesListener = (userId: string, count: number) => void;

export class EventHub {
  private readonly streams = new Set<Stream>();
  private readonly listeners = new Set<InstancesListener>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor() {
    this.keepAlive = setInterval(() => {
      for (const s of this.streams) s.res.write(': keep-alive\n\n');
    }, 15_000);
    this.keepAlive.unref();
  }

  open(res: ServerResponse, userId: string, sessionId: string, snapshot: (count: number) => unknown): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const stream: Stream = { res, userId, sessionId };
    this.streams.add(stream);
    res.on('close', () => {
      if (this.streams.delete(stream)) this.countChanged(userId);
    });
    write(res, 'snapshot', snapshot(this.count(userId)));
    this.countChanged(userId, stream);
  }

  count(userId: string): number {
    let n = 0;
    for (const s of this.streams) if (s.userId === userId) n++;
    return n;
  }

  publish(userId: string, event: string, data: unknown): void {
    for (const s of this.streams) if (s.userId === userId) write(s.res, event, data);
  }

  /** Ends the streams of a signed-out session. */
  endSession(sessionId: string): void {
    for (const s of [...this.streams]) if (s.sessionId === sessionId) s.res.end();
  }

  onInstancesChange(listener: InstancesListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const s of [...this.streams]) s.res.end();
    this.streams.clear();
  }

  private countChanged(userId: string, except?: Stream): void {
    const count = this.count(userId);
    for (const s of this.streams) if (s.userId === userId && s !== except) write(s.res, 'instances', { count });
    for (const l of this.listeners) l(userId, count);
  }
}

function write(res: ServerResponse, event: string, data: unknown): void {
  if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
