// SOQL text the adapter sends. Values are always quoted and escaped here (never concatenated
// raw), so a caller's phone or e-mail cannot change a query's meaning.
const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

export function soqlString(v: string): string {
  return `'${v.replace(/[\\'"\n\r\t\b\f]/g, (c) => ESCAPES[c] ?? c)}'`;
}

export function soqlList(values: string[]): string {
  return `(${values.map(soqlString).join(', ')})`;
}

/** A query as a /query path segment; `@{...}` composite references stay unencoded so Salesforce can substitute them. */
export function queryPath(soql: string): string {
  const encoded = encodeURIComponent(soql);
  return `/query?q=${encoded.replace(/%40%7B([A-Za-z0-9_.%5BD]+?)%7D/g, (_m, inner: string) => `@{${decodeURIComponent(inner)}}`)}`;
}

export function fieldList(fields: Array<string | null | undefined>): string {
  return [...new Set(fields.filter((f): f is string => typeof f === 'string' && f.length > 0))].join(', ');
}
