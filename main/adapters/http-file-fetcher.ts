// Downloads files the contact center serves (SmartAction shared files) for attachment to records.
import type { FileFetcher } from '../engine/ports.js';
import { CrmError } from '../engine/crm-port.js';

export function httpFileFetcher(maxBytes = 20 * 1024 * 1024, timeoutMs = 30_000): FileFetcher {
  return {
    async fetch(url, signal) {
      const u = new URL(url);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new CrmError('invalid', `refusing to fetch ${u.protocol} URL`);
      const res = await fetch(u, { signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs) });
      if (res.status === 404) throw new CrmError('invalid', `file not found at ${url}`);
      if (!res.ok) throw new CrmError('transient', `file download failed: HTTP ${res.status}`);
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > maxBytes) throw new CrmError('invalid', `file at ${url} is larger than ${maxBytes} bytes`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.byteLength > maxBytes) throw new CrmError('invalid', `file at ${url} is larger than ${maxBytes} bytes`);
      return { bytes, contentType: res.headers.get('content-type') };
    },
  };
}
