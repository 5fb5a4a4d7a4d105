// Reads a request body with a size limit. Past the limit the rest is drained (so the client
// receives the 413 rather than a reset connection), up to a hard cap after which the socket is cut.
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too_large'; bytes: number } | { ok: false; reason: 'aborted' };

export function readBody(req: IncomingMessage, limitBytes: number, hardCapBytes = Math.max(limitBytes * 8, 8 * 1024 * 1024)): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const settle = (r: BodyResult) => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limitBytes) chunks.push(chunk);
      else if (bytes > hardCapBytes) {
        req.destroy();
        settle({ ok: false, reason: 'too_large', bytes });
      }
    });
    req.on('end', () => settle(bytes > limitBytes ? { ok: false, reason: 'too_large', bytes } : { ok: true, body: Buffer.concat(chunks) }));
    req.on('error', () => settle({ ok: false, reason: 'aborted' }));
    req.on('close', () => settle({ ok: false, reason: 'aborted' }));
  });
}

export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mime === 'application/json' || mime.endsWith('+json');
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJson(body: Buffer): JsonResult {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
