// `npm run bench`: every performance figure in one run, each against its target, each measured
// against a baseline from the same run (see docs/performance.md). The benchmarks run one after
// another as separate processes so they do not disturb each other.
//   record-pop latency per CRM and session type, CRM calls per session   bench/record-pop.ts
//   status-sync latency both ways                                          bench/status-sync.ts
//   answer -> two-way audio, SIP re-registration                           bench/answer-audio.ts
//   renderer initial JavaScript                                            bench/bundle-size.ts
//   engine throughput and memory                                           bench/engine-load.ts
// Options: --quick (fewer runs).
import { spawn } from 'node:child_process';
import path from 'node:path';

const quick = process.argv.includes('--quick');
const root = path.resolve(import.meta.dirname, '..');
const benches: [string, string[]][] = [
  ['record-pop', ['--runs', quick ? '8' : '30']],
  ['status-sync', ['--runs', quick ? '10' : '30']],
  ['answer-audio', ['--calls', quick ? '8' : '20', '--restarts', quick ? '2' : '5']],
  ['bundle-size', []],
  ['engine-load', ['--sessions', quick ? '200' : '1000']],
];

type Result = Record<string, unknown>;
const results: Record<string, Result | null> = {};

function run(name: string, args: string[]): Promise<void> {
  return new Promise((resolve) => {
    console.log(`\n=== ${name} ${args.join(' ')}`);
    const p = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'bench', `${name}.ts`), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      process.stdout.write(c.split('\n').filter((l) => !l.startsWith('RESULT ')).join('\n'));
    });
    p.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      results[name] = line ? (JSON.parse(line.slice('RESULT '.length)) as Result) : null;
      if (code !== 0) console.log(`(${name} exited with ${code})`);
      resolve();
    });
  });
}

for (const [name, args] of benches) await run(name, args);

const rows: [string, string, string, string][] = [];
const ok = (b: boolean) => (b ? 'met' : 'MISSED');
const rp = results['record-pop'] as { recordPop: { crm: string; kind: string; p95: number; trips: number; calls: number; baselineP95: number }[] } | null;
if (rp) {
  for (const crm of [...new Set(rp.recordPop.map((r) => r.crm))]) {
    const rs = rp.recordPop.filter((r) => r.crm === crm);
    const voice = rs.filter((r) => !r.kind.startsWith('chat'));
    const worstP95 = Math.max(...rs.map((r) => r.p95));
    const trips = Math.max(...voice.map((r) => r.trips));
    const calls = Math.max(...voice.map((r) => r.calls));
    const tripTarget = crm === 'salesforce' ? 2 : 3;
    rows.push([`record pop, ${crm}: worst p95 over session types`, `${worstP95.toFixed(1)} ms (${(worstP95 / (rs[0]?.baselineP95 || 1)).toFixed(1)}x RTT)`, '<= 50 ms', ok(worstP95 <= 50)]);
    rows.push([`  ${crm}: sequential CRM trips before a voice record`, String(trips), `<= ${tripTarget}`, ok(trips <= tripTarget)]);
    rows.push([`  ${crm}: CRM calls over a voice session`, String(calls), '<= 6', ok(calls <= 6)]);
  }
}
const ss = results['status-sync'] as { crmToCcP95: number; ccToCrmP95: number } | null;
if (ss) {
  rows.push(['status sync, Kustomer page -> contact center, p95', `${ss.crmToCcP95} ms`, '<= 100 ms', ok(ss.crmToCcP95 <= 100)]);
  rows.push(['status sync, contact center -> Kustomer page, p95', `${ss.ccToCrmP95} ms`, '<= 100 ms', ok(ss.ccToCrmP95 <= 100)]);
}
const aa = results['answer-audio'] as { answerAudioP95: number; reregisterWorstMs: number | null } | null;
if (aa) {
  rows.push(['answer click -> two-way audio, p95', `${aa.answerAudioP95} ms`, '<= 300 ms', ok(aa.answerAudioP95 <= 300)]);
  if (aa.reregisterWorstMs !== null) rows.push(['SIP re-registration after the server returns, worst', `${aa.reregisterWorstMs} ms`, '<= 5000 ms', ok(aa.reregisterWorstMs <= 5000)]);
}
const bs = results['bundle-size'] as { bundleGzipKB: number; reactGzipKB: number } | null;
if (bs) rows.push(['renderer initial JavaScript (gzip)', `${bs.bundleGzipKB} KB (${(bs.bundleGzipKB / bs.reactGzipKB).toFixed(2)}x a bare React app)`, '<= 250 KB', ok(bs.bundleGzipKB <= 250)]);
const el = results['engine-load'] as { engineCallsPerSec: number; directCallsPerSec: number; heapMB: number; heapPeakMB: number; retainedKBPerCall: number; rssMB: number } | null;
if (el) {
  rows.push(['engine throughput (full calls/s)', `${el.engineCallsPerSec} (${Math.round((el.engineCallsPerSec / el.directCallsPerSec) * 100)}% of direct CRM writes)`, 'report', '-']);
  rows.push(['engine heap: peak under load / after it', `${el.heapPeakMB} / ${el.heapMB} MB (${el.retainedKBPerCall} KB held per call)`, 'report', '-']);
}
const missing = Object.entries(results).filter(([, r]) => !r).map(([n]) => n);

console.log('\n=== summary');
const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length)), 10];
for (const [a, b, c, d] of rows) console.log(`${a.padEnd(w[0] as number)}  ${b.padEnd(w[1] as number)}  ${c.padEnd(w[2] as number)}  ${d}`);
if (missing.length) console.log(`no figures from: ${missing.join(', ')}`);
