// The simulator's media server: call recordings and voicemails as generated WAVs, and the files
// SmartActions produced, all under /media/ on the simulator's own HTTP port.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { makeWav } from './wav.js';

interface StoredFile {
  mimeType: string;
  body: Buffer;
}

export class MediaStore {
  private readonly files = new Map<string, StoredFile>();
  private wav: Buffer | null = null;

  constructor(
    private readonly hasRecording: (sessionId: string) => boolean,
    private readonly hasVoicemail: (voicemailId: string) => boolean,
  ) {}

  /** Store a SmartAction file; returns its URL path. */
  putFile(actionId: string, name: string, mimeType: string, content: string): string {
    const path = `/media/files/${encodeURIComponent(actionId)}/${encodeURIComponent(name)}`;
    this.files.set(path, { mimeType, body: Buffer.from(content, 'utf8') });
    return path;
  }

  /** Serve /media/*; false when the request is not a media path. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (!path.startsWith('/media/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    const file = this.lookup(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return true;
    }
    res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return true;
  }

  private lookup(path: string): StoredFile | undefined {
    const rec = /^\/media\/recordings\/([^/]+)\.wav$/.exec(path);
    if (rec && this.hasRecording(decodeURIComponent(rec[1] ?? ''))) return this.tone();
    const vm = /^\/media\/voicemails\/([^/]+)\.wav$/.exec(path);
    if (vm && this.hasVoicemail(decodeURIComponent(vm[1] ?? ''))) return this.tone();
    return this.files.get(path);
  }

  private tone(): StoredFile {
    this.wav ??= makeWav();
    return { mimeType: 'audio/wav', body: this.wav };
  }
}
