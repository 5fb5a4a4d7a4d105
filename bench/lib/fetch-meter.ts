// Wraps the process's fetch to time every HTTP call the CRM adapters make (they use global fetch).
export interface MeteredCall {
  method: string;
  url: string;
  start: number;
  end: number;
  status: number | null;
  /** The request body when it was text (JSON). */
  body: string | null;
}

export class FetchMeter {
  readonly calls: MeteredCall[] = [];
  private readonly original = globalThis.fetch;

  install(): void {
    const original = this.original;
    const calls = this.calls;
    globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const body = typeof init?.body === 'string' ? init.body : null;
      const call: MeteredCall = { method, url, start: performance.now(), end: NaN, status: null, body };
      calls.push(call);
      try {
        const res = await original(input, init);
        call.status = res.status;
        return res;
      } finally {
        call.end = performance.now();
      }
    };
  }

  uninstall(): void {
    globalThis.fetch = this.original;
  }

  /** Forgets what was recorded, so a long run does not keep every request (and its body) alive. */
  clear(): void {
    this.calls.length = 0;
  }

  since(t: number): MeteredCall[] {
    return this.calls.filter((c) => c.start >= t);
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

/** Round trips that had to happen one after another: calls that did not overlap in time. */
export function sequentialTrips(calls: MeteredCall[]): number {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  let trips = 0;
  let lastEnd = -Infinity;
  for (const c of sorted) {
    if (c.start >= lastEnd) trips++;
    lastEnd = Math.max(lastEnd, c.end);
  }
  return trips;
}
