// Idempotency of comments and files (REL-1). CaseComment has no External ID (it takes no custom
// fields) and ContentVersion would need one installed, so the note's key rides in the text: a last
// line "[AgentDesk ref: <key>]". A retry reads the case's comments (or files) and writes only when
// no text carries the marker. The marker survives truncation: the body is cut, not the marker.
const PREFIX = '[AgentDesk ref: ';

export function marker(key: string): string {
  return `${PREFIX}${key}]`;
}

/** `body` cut to fit `max` characters with the marker as its last line. */
export function withMarker(body: string, key: string, max: number): string {
  const tail = `\n\n${marker(key)}`;
  const room = max - tail.length;
  const text = body.trim() === '' ? '(empty)' : body;
  const cut = text.length > room ? `${text.slice(0, Math.max(0, room - 14))}\n… (truncated)` : text;
  return `${cut}${tail}`;
}

export function hasMarker(text: string | null | undefined, key: string): boolean {
  return typeof text === 'string' && text.trimEnd().endsWith(marker(key));
}
