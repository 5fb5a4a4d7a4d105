// SDP media directions for hold and resume (SOFT-1), as sip.js session description handler
// modifiers. The handler also sets the transceiver direction (`hold` option); these modifiers make
// the offer say it explicitly, and are applied once, to the local offer only (sip.js runs the
// re-INVITE modifiers again on the remote answer, which must not be rewritten).

export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

// Structural copies of the DOM types sip.js uses, so this module also type-checks under Node.
type SdpType = 'offer' | 'answer' | 'pranswer' | 'rollback';
export interface Description {
  sdp?: string;
  type: SdpType;
}

const DIRECTION_LINE = /^a=(sendrecv|sendonly|recvonly|inactive)\r?$/;

/** The direction of every m= section, in order (session-level attribute or sendrecv by default). */
export function mediaDirections(sdp: string): Direction[] {
  const lines = sdp.split('\n');
  let sessionLevel: Direction = 'sendrecv';
  const out: Direction[] = [];
  let current: Direction | null = null;
  let inMedia = false;
  for (const line of lines) {
    if (line.startsWith('m=')) {
      if (inMedia) out.push(current ?? sessionLevel);
      inMedia = true;
      current = null;
      continue;
    }
    const m = DIRECTION_LINE.exec(line);
    if (!m) continue;
    if (inMedia) current = m[1] as Direction;
    else sessionLevel = m[1] as Direction;
  }
  if (inMedia) out.push(current ?? sessionLevel);
  return out;
}

/** Hold (RFC 3264 section 8.4): what we send stays, what we receive stops. */
export function holdDirection(d: Direction): Direction {
  return d === 'sendrecv' || d === 'sendonly' ? 'sendonly' : 'inactive';
}

/** Resume: undo `holdDirection`. */
export function resumeDirection(d: Direction): Direction {
  return d === 'sendonly' || d === 'sendrecv' ? 'sendrecv' : 'recvonly';
}

/** Rewrites every media section's direction with `f` (adding the attribute where it was implicit). */
export function rewriteDirections(sdp: string, f: (d: Direction) => Direction): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(eol);
  const sessionLevel = ((): Direction => {
    for (const l of lines) {
      if (l.startsWith('m=')) break;
      const m = DIRECTION_LINE.exec(l);
      if (m) return m[1] as Direction;
    }
    return 'sendrecv';
  })();
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (!line.startsWith('m=')) {
      // Session-level direction lines are dropped when there are media sections: each section gets its own.
      if (DIRECTION_LINE.test(line) && lines.some((l) => l.startsWith('m='))) {
        i += 1;
        continue;
      }
      out.push(line);
      i += 1;
      continue;
    }
    // One media section: up to the next m= line.
    let end = i + 1;
    while (end < lines.length && !(lines[end] as string).startsWith('m=')) end += 1;
    const section = lines.slice(i, end);
    const idx = section.findIndex((l) => DIRECTION_LINE.test(l));
    const before = idx >= 0 ? (DIRECTION_LINE.exec(section[idx] as string)?.[1] as Direction) : sessionLevel;
    const attr = `a=${f(before)}`;
    if (idx >= 0) section[idx] = attr;
    else {
      // After the c= line if any, else right after m= (trailing empty line stays last).
      const c = section.findIndex((l) => l.startsWith('c='));
      section.splice(c >= 0 ? c + 1 : 1, 0, attr);
    }
    out.push(...section);
    i = end;
  }
  return out.join(eol);
}

export type Modifier = (d: Description) => Promise<Description>;

function modifier(f: (d: Direction) => Direction): Modifier {
  return (description: Description) => {
    if (!description.sdp) return Promise.reject(new Error('Invalid SDP'));
    return Promise.resolve({ type: description.type, sdp: rewriteDirections(description.sdp, f) });
  };
}

/** sendrecv -> sendonly, recvonly -> inactive. */
export const holdModifier: Modifier = modifier(holdDirection);
/** sendonly -> sendrecv, inactive -> recvonly. */
export const resumeModifier: Modifier = modifier(resumeDirection);

/** Applies `m` to the first description only (the local offer of a re-INVITE), then passes through. */
export function once(m: Modifier): Modifier {
  let used = false;
  return (d) => {
    if (used) return Promise.resolve(d);
    used = true;
    return m(d);
  };
}
