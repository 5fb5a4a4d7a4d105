// REL-1, the short fault-injection run (the longer one is `npm run bench:soak`): hundreds of
// injected faults across many sessions, zero lost and zero duplicated CRM writes.
import { expect, it } from 'vitest';
import { runFaultSoak } from '../../support/fault-soak.js';

it('REL-1: no CRM write lost or duplicated under 5xx, 429, drops, commit-then-drop, SIGKILL, contact-center restarts and disconnects', { timeout: 300_000 }, async () => {
  const report = await runFaultSoak({
    sessions: 60,
    faults: { status5xx: 0.12, drop: 0.08, commitThenDrop: 0.1, rateLimit: 0.005 },
    kills: 4,
    ccRestarts: 2,
    disconnects: 10,
  });
  console.log(JSON.stringify({ ...report, missingNotes: report.missingNotes.length, duplicatedNotes: report.duplicatedNotes.length }));
  expect(report.faults.commitThenDrop).toBeGreaterThan(10);
  expect(report.faults.kills).toBe(4);
  expect(report.faults.total).toBeGreaterThan(100);
  expect(report.missingRecords).toEqual([]);
  expect(report.duplicatedRecords).toEqual([]);
  expect(report.unexpectedRecords).toEqual([]);
  expect(report.missingNotes).toEqual([]);
  expect(report.duplicatedNotes).toEqual([]);
});
