// bench/fault-soak: the long fault-injection run (REL-1). At least 1,000 injected faults (CRM 5xx,
// 429 with Retry-After, dropped connections, timeouts after commit, SIGKILL of engines mid-write,
// contact-center restarts, 50 socket disconnects) across hundreds of sessions; prints the fault
// counts and the reconciliation against the emulator (lost and duplicated writes must be zero).
// Usage: npm run bench:soak [-- --sessions 400]
import { parseArgs } from 'node:util';
import { runFaultSoak } from '../test/support/fault-soak.js';

const { values } = parseArgs({ options: { sessions: { type: 'string', default: '400' } } });
const sessions = Number(values.sessions);
const started = Date.now();
const report = await runFaultSoak({
  sessions,
  faults: { status5xx: 0.2, drop: 0.1, commitThenDrop: 0.15, rateLimit: 0.003 },
  kills: 20,
  ccRestarts: 5,
  disconnects: 50,
  chaosIntervalMs: 150,
  log: (l) => console.log(`  ${l}`),
});
const lost = report.missingRecords.length + report.missingNotes.length;
const duplicated = report.duplicatedRecords.length + report.duplicatedNotes.length + report.unexpectedRecords.length;
console.log(`\nfault soak: ${report.sessions} sessions (+ voicemails), ${report.expectedRecords} records and ${report.expectedNotes} notes expected, ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`injected faults: ${report.faults.total} total`);
for (const [k, v] of Object.entries(report.faults)) if (k !== 'total') console.log(`  ${k.padEnd(16)} ${v}`);
console.log(`lost writes:       ${lost}   (target 0)`);
console.log(`duplicated writes: ${duplicated}   (target 0)`);
console.log(`faults >= 1000:    ${report.faults.total >= 1000 ? 'yes' : 'NO'}`);
if (lost || duplicated) console.log(JSON.stringify(report, null, 2));
process.exit(lost || duplicated ? 1 : 0);
