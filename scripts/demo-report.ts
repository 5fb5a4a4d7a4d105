// Prints the records a demo run left in the CRM emulator, one block per record, in any CRM.
import type { CrmTarget } from '../emulators/targets/index.js';

export function recordReport(target: CrmTarget, userName: (crmUserId: string) => string): string {
  const records = target.records();
  const out = [`${records.length} records in ${target.kind} (${target.customerCount()} customers):`, ''];
  for (const r of records) {
    out.push(`- ${r.subject}`);
    out.push(`    id ${r.id} · key ${r.key ?? '-'} · ${r.open ? 'open' : 'closed'} · assigned ${r.assignee ? userName(r.assignee) : '(nobody)'}`);
    out.push(`    tags ${r.tags.join(', ') || '-'}`);
    const fields = Object.entries(r.fields).map(([k, v]) => `${k}=${String(v)}`).join(', ');
    if (fields) out.push(`    fields ${fields}`);
    out.push(`    ${r.notes.length} notes${r.files.length ? ` · files ${r.files.join(', ')}` : ''}`);
    for (const n of r.notes) out.push(`      · ${n.split('\n')[0]}`);
  }
  return out.join('\n');
}
