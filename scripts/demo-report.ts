// Prints the records a demo run left in the Kustomer emulator, one block per conversation.
import type { KustomerEmulator } from '../emulators/kustomer/index.js';

export function recordReport(emu: KustomerEmulator): string {
  const users = new Map([...emu.store.users.values()].map((u) => [u.id, u.email]));
  const customers = new Map([...emu.store.customers.values()].map((c) => [c.id, c]));
  const out: string[] = [];
  const convs = [...emu.store.conversations.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  out.push(`${convs.length} records in Kustomer (${customers.size} customers):`, '');
  for (const c of convs) {
    const cust = customers.get(c.customerId);
    const who = cust?.name || cust?.phones[0]?.phone || cust?.emails[0]?.email || cust?.externalId || c.customerId;
    const notes = emu.store.notesOf(c.id);
    const files = notes.flatMap((n) => n.attachments.map((a) => a.name));
    out.push(`- ${c.name}`);
    out.push(`    id ${c.id} · key ${c.externalId ?? '-'} · ${c.status} · customer ${who}`);
    out.push(`    assigned ${c.assignedUsers.map((u) => users.get(u) ?? u).join(', ') || '(nobody)'} · tags ${c.tags.join(', ') || '-'}`);
    const custom = Object.entries(c.custom).map(([k, v]) => `${k}=${String(v)}`).join(', ');
    if (custom) out.push(`    fields ${custom}`);
    out.push(`    ${notes.length} notes${files.length ? ` · files ${files.join(', ')}` : ''}`);
    for (const n of notes) out.push(`      · ${n.body.split('\n')[0]}`);
  }
  return out.join('\n');
}
