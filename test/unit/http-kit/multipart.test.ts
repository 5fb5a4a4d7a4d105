import { describe, expect, it } from 'vitest';
import { boundaryOf, parseMultipart } from '../../../emulators/http-kit/index.js';

describe('http-kit multipart parser', () => {
  it('parses what fetch/FormData sends, in order, with file name, type and exact bytes', async () => {
    const fd = new FormData();
    fd.append('key', 'attachments/1-a.bin');
    fd.append('Content-Type', 'application/octet-stream');
    const bytes = new Uint8Array([0, 13, 10, 45, 45, 255]);
    fd.append('file', new Blob([bytes], { type: 'application/octet-stream' }), 'a "b".bin');
    const res = new Response(fd);
    const body = Buffer.from(await res.arrayBuffer());
    const boundary = boundaryOf(res.headers.get('content-type') ?? undefined);
    expect(boundary).toBeTruthy();
    const parts = parseMultipart(body, boundary ?? '');
    expect(Array.isArray(parts)).toBe(true);
    if (!Array.isArray(parts)) return;
    expect(parts.map((p) => p.name)).toEqual(['key', 'Content-Type', 'file']);
    expect(parts[0]?.data.toString()).toBe('attachments/1-a.bin');
    expect(parts[2]).toMatchObject({ contentType: 'application/octet-stream' });
    expect(parts[2]?.filename).toContain('b');
    expect([...(parts[2]?.data ?? [])]).toEqual([...bytes]);
  });

  it('reports malformed bodies', () => {
    expect(boundaryOf('application/json')).toBeNull();
    expect(typeof parseMultipart(Buffer.from('nothing'), 'xyz')).toBe('string');
    expect(typeof parseMultipart(Buffer.from('--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated'), 'xyz')).toBe('string');
  });
});
