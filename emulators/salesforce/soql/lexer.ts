// Tokens of the SOQL subset (see parser.ts). Positions are 1-based columns of the one-line query,
// for Salesforce-style "ERROR at Row:1:Column:N" messages.
import { malformedQuery } from '../errors.js';

export type TokenKind = 'ident' | 'string' | 'number' | 'date' | 'datetime' | 'op' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifiers as written; strings unescaped; operators and punctuation as written. */
  text: string;
  col: number;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![T\d])/;
const NUMBER = /^-?\d+(\.\d+)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(:\d+)?/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\', '%': '\\%', _: '\\_' };

export function errorAt(query: string, col: number, message: string) {
  return malformedQuery(`\n${query}\n${' '.repeat(Math.max(0, col - 1))}^\nERROR at Row:1:Column:${col}\n${message}`);
}

export function tokenize(query: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = query.slice(i);
    const col = i + 1;
    if (c === "'") {
      let text = '';
      let j = i + 1;
      for (; j < query.length && query.charAt(j) !== "'"; j++) {
        if (query.charAt(j) === '\\') {
          const e = ESCAPES[query.charAt(j + 1)];
          if (e === undefined) throw errorAt(query, j + 1, `Invalid string literal '${query.slice(i, j + 2)}'. Illegal character sequence '\\${query.charAt(j + 1)}' in string literal.`);
          text += e;
          j++;
        } else text += query.charAt(j);
      }
      if (j >= query.length) throw errorAt(query, col, `Unterminated string literal starting at column ${col}`);
      out.push({ kind: 'string', text, col });
      i = j + 1;
      continue;
    }
    const m = DATETIME.exec(rest) ?? null;
    if (m) {
      out.push({ kind: 'datetime', text: m[0], col });
      i += m[0].length;
      continue;
    }
    const d = DATE.exec(rest);
    if (d) {
      out.push({ kind: 'date', text: d[0], col });
      i += d[0].length;
      continue;
    }
    const n = NUMBER.exec(rest);
    if (n && (c !== '-' || /\d/.test(rest.charAt(1)))) {
      out.push({ kind: 'number', text: n[0], col });
      i += n[0].length;
      continue;
    }
    const id = IDENT.exec(rest);
    if (id) {
      out.push({ kind: 'ident', text: id[0], col });
      i += id[0].length;
      continue;
    }
    const op = /^(!=|<>|<=|>=|=|<|>)/.exec(rest);
    if (op) {
      out.push({ kind: 'op', text: op[0], col });
      i += op[0].length;
      continue;
    }
    if ('(),*'.includes(c)) {
      out.push({ kind: 'punct', text: c, col });
      i++;
      continue;
    }
    throw errorAt(query, col, `unexpected token: '${c}'`);
  }
  out.push({ kind: 'eof', text: '', col: query.length + 1 });
  return out;
}
