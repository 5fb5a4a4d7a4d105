// One request to a CRM emulator as the integration tests make them: the vendor's Authorization
// header, a body sent as JSON (a string as given, FormData as multipart), and the reply read as
// JSON when it is JSON (else its text, or null when empty).
export interface Res {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience: JSON replies are inspected ad hoc
  json: any;
}

export async function emulatorRequest(url: string, authorization: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  const isForm = body instanceof FormData;
  const res = await fetch(url, {
    method,
    headers: { authorization, ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : isForm || typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: parseOrText(await res.text()) };
}

function parseOrText(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
