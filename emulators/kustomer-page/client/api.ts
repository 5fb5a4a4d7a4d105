// The app's calls to the Kustomer API: same origin, signed in by the session cookie.
export interface Resource {
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data?: { id?: string } | null } | undefined>;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as { errors?: Array<{ detail?: string }> } | null;
  if (!res.ok) throw new ApiFailure(res.status, json?.errors?.[0]?.detail ?? `HTTP ${res.status}`);
  return json as T;
}

export const getOne = (path: string) => call<{ data: Resource }>('GET', path).then((r) => r.data);
export const getList = (path: string) => call<{ data: Resource[] }>('GET', path).then((r) => r.data);
export const str = (v: unknown) => (typeof v === 'string' ? v : '');
