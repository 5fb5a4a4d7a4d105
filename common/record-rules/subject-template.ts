// REC-7: the record subject from the admin's template.
//
// Documented behaviour (docs/record-rules.md):
// - Variables are written {NAME}; names are matched case-insensitively. `{{` and `}}` give
//   literal braces.
// - An unknown variable is kept as written ("{FOO}"), so a typo shows up in the record instead
//   of silently vanishing; the admin screen flags it before saving (templateProblems).
// - A known variable without a value becomes empty, then the text is tidied: runs of spaces
//   collapse, and separators left dangling at either end or doubled (" - ", "|", ":", "/", "·",
//   ",") are removed.
// - An empty result falls back to "{CALL_TYPE} {CALL_ID}". The result is cut to the CRM's
//   subject length with an ellipsis. Nothing here throws.
import type { Session, CrmKind } from '../protocol/index.js';
import { CALL_TYPE_LABEL } from './session-labels.js';

export const SUBJECT_VARIABLES = ['CALL_TYPE', 'CALL_ID', 'MENU_PATH', 'PHONE_NUMBER', 'LANGUAGE', 'TIMESTAMP'] as const;
export type SubjectVariable = (typeof SUBJECT_VARIABLES)[number];
export type SubjectValues = Record<SubjectVariable, string | null>;

export const SUBJECT_MAX_LENGTH: Record<CrmKind, number> = {
  kustomer: 256,
  zendesk: 150,
  freshdesk: 255,
  salesforce: 255,
};

const TOKEN = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const SEP = '[-–—|:/·,]';

export function subjectValues(s: Pick<Session, 'id' | 'type' | 'menuPath' | 'dialedNumber' | 'language' | 'startedAt' | 'customer'>): SubjectValues {
  const dialled = s.type === 'voice_outbound' ? s.customer.phone : s.dialedNumber;
  return {
    CALL_TYPE: CALL_TYPE_LABEL[s.type],
    CALL_ID: s.id,
    MENU_PATH: s.menuPath,
    PHONE_NUMBER: dialled,
    LANGUAGE: s.language,
    TIMESTAMP: s.startedAt,
  };
}

function isKnown(name: string): name is SubjectVariable {
  return (SUBJECT_VARIABLES as readonly string[]).includes(name);
}

function substitute(template: string, values: SubjectValues): string {
  return template.replace(TOKEN, (whole, name: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    const key = (name ?? '').toUpperCase();
    if (!isKnown(key)) return whole;
    return (values[key] ?? '').trim();
  });
}

function tidy(text: string): string {
  let t = text.replace(/\s+/g, ' ');
  const doubled = new RegExp(`(\\s${SEP})(?:\\s${SEP})+(?=\\s|$)`, 'g');
  const edges = new RegExp(`^(?:\\s*${SEP}(?=\\s|$))+|(?:(?<=^|\\s)${SEP}\\s*)+$`, 'g');
  for (let i = 0; i < 5; i++) {
    const next = t.replace(doubled, '$1').replace(edges, '').trim();
    if (next === t) break;
    t = next;
  }
  return t;
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

export function renderSubject(template: string, values: SubjectValues, crm: CrmKind): string {
  let out = tidy(substitute(template, values));
  if (!out) out = tidy(substitute('{CALL_TYPE} {CALL_ID}', values));
  return truncate(out, SUBJECT_MAX_LENGTH[crm]);
}

export interface TemplateProblem {
  code: 'unknown_variable' | 'unbalanced_brace' | 'empty';
  detail: string;
  /** unknown_variable: the name as written, so a UI can say it in its own language. */
  variable?: string;
}

/** What the admin screen shows before saving; the renderer itself never fails on these. */
export function templateProblems(template: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (!template.trim()) problems.push({ code: 'empty', detail: 'The template is empty: "{CALL_TYPE} {CALL_ID}" is used.' });
  const rest = template.replace(TOKEN, (whole, name: string | undefined) => {
    if (name !== undefined && !isKnown(name.toUpperCase())) {
      problems.push({ code: 'unknown_variable', detail: `Unknown variable {${name}}: it stays as written.`, variable: name });
    }
    return whole === '{{' || whole === '}}' ? '' : ' ';
  });
  if (/[{}]/.test(rest)) problems.push({ code: 'unbalanced_brace', detail: 'A brace has no partner; write {{ or }} for a literal brace.' });
  return problems;
}
