// The electronegativity gate (SEC-1, CI): runs Doyensec's electronegativity offline over the Electron
// sources and fails on any HIGH or MEDIUM finding that the reviewed baseline
// (security/electronegativity-baseline.json) does not explain. electronegativity exits 0 whatever it
// finds, so the gate reads its reports instead, and guards the ways a scan can pass by saying
// nothing:
// - every scanned file must parse with electronegativity's own parser (a file it cannot parse is
//   skipped silently when a report file is written);
// - the CSV (severities) must list the same findings as the SARIF of the same scan (the CLI writes
//   the CSV header and body with two racing writes);
// - no inline `eng-disable` suppressions in the scanned sources (explanations go in the baseline);
// - a baseline entry that no longer matches anything is reported as stale.
//
// Usage: npx tsx scripts/electronegativity-gate.ts [--baseline <file>] [--out <dir>] [--input <dir>]...
//   default inputs: main/electron, preload and renderer/index.html. The built renderer bundle is not
//   scanned by default: it runs sandboxed behind the preload and uses no Electron API, so the scan
//   found nothing there and only tripled the run time (add `--input dist/renderer` to include it).
// Exit 0: clean (or every HIGH/MEDIUM finding explained); 1: unexplained findings or a broken scan.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** What is scanned, relative to the repository (a missing optional entry is skipped and said). */
export const DEFAULT_INPUTS: { path: string; optional: boolean }[] = [
  { path: 'main/electron', optional: false },
  { path: 'preload', optional: false },
  { path: 'renderer/index.html', optional: false },
];

/** The checks left out: AvailableSecurityFixesGlobalCheck needs the network (Electron releases). */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
export const FAILING_SEVERITIES = ['HIGH', 'MEDIUM'] as const;
const SCANNED = /\.(js|jsx|ts|tsx|html|htm)$/i;

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

export const baselineSchema = z
  .object({
    electronegativity: z.string(),
    entries: z.array(
      z
        .object({
          check: z.string().regex(/^[A-Z0-9_]+$/, 'an electronegativity check id, e.g. OPEN_EXTERNAL_JS_CHECK'),
          /** As the report names it (relative to the scan root), or "N/A" for global checks. */
          file: z.string().min(1),
          /** Optional: the finding's source line must contain this (so a second use in the file is not covered). */
          sampleContains: z.string().min(1).optional(),
          justification: z.string().min(60, 'say why this is safe and which test proves it'),
          reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        })
        .strict(),
    ),
  })
  .strict();
export type Baseline = z.infer<typeof baselineSchema>;
export type BaselineEntry = Baseline['entries'][number];

export interface Decision {
  failures: Finding[];
  accepted: { finding: Finding; entry: BaselineEntry }[];
  /** LOW and INFORMATIONAL findings: listed, never failing. */
  informational: Finding[];
  stale: BaselineEntry[];
}

const matches = (f: Finding, e: BaselineEntry) => e.check === f.check && e.file === f.file && (e.sampleContains === undefined || f.sample.includes(e.sampleContains));

/** The gate's decision: every HIGH/MEDIUM finding must be explained by a baseline entry. */
export function decide(findings: Finding[], baseline: Baseline): Decision {
  const d: Decision = { failures: [], accepted: [], informational: [], stale: [] };
  const used = new Set<BaselineEntry>();
  for (const f of findings) {
    if (!(FAILING_SEVERITIES as readonly string[]).includes(f.severity.toUpperCase())) {
      d.informational.push(f);
      continue;
    }
    const entry = baseline.entries.find((e) => matches(f, e));
    if (entry) {
      used.add(entry);
      d.accepted.push({ finding: f, entry });
    } else d.failures.push(f);
  }
  d.stale = baseline.entries.filter((e) => !used.has(e));
  return d;
}

/** RFC 4180 CSV (quoted fields, "" escapes, newlines inside quotes); rows as arrays of fields. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((x) => x.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
    i++;
  }
  row.push(field);
  if (row.some((x) => x.trim() !== '')) rows.push(row);
  return rows;
}

/** electronegativity's CSV: `issue, severity, confidence, filename, location, sample, description, url`. */
export function parseReportCsv(text: string): Finding[] {
  const out: Finding[] = [];
  for (const r of parseCsvRows(text)) {
    if (r[0]?.trim() === 'issue') continue; // the header, wherever the racing writes put it
    if (r.length < 8) throw new Error(`electronegativity CSV: a row with ${r.length} fields: ${JSON.stringify(r).slice(0, 200)}`);
    const [check, severity, confidence, file, location, sample, description] = r.map((x) => x.trim()) as [string, string, string, string, string, string, string];
    out.push({ check, severity, confidence, file, location, sample: sample === 'N/A' ? '' : sample, description });
  }
  return out;
}

const sarifSchema = z.object({
  runs: z
    .array(
      z.object({
        results: z.array(
          z.object({
            ruleId: z.string(),
            locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string() }), region: z.object({ startLine: z.number() }) }) })).min(1),
          }),
        ),
      }),
    )
    .length(1),
});

/** The findings of the SARIF report as `check@file:line` keys (what the CSV must also list). */
export function sarifKeys(json: unknown): string[] {
  const s = sarifSchema.parse(json);
  return (s.runs[0]?.results ?? []).map((r) => {
    const loc = r.locations[0]?.physicalLocation;
    const file = loc?.artifactLocation.uri === 'file:///' ? 'N/A' : (loc?.artifactLocation.uri ?? '?');
    return `${r.ruleId}@${file}:${file === 'N/A' ? 0 : (loc?.region.startLine ?? 0)}`;
  });
}

export function csvKeys(findings: Finding[]): string[] {
  // SARIF lines start at 1 (electronegativity writes line 0 as 1 there).
  return findings.map((f) => `${f.check}@${f.file}:${f.file === 'N/A' ? 0 : Math.max(1, Number(f.location.split(':')[0]) || 0)}`);
}

/** Copies the inputs into `into`, keeping their paths relative to `root`; returns the staged files. */
export function stageInputs(root: string, inputs: { path: string; optional: boolean }[], into: string): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const input of inputs) {
    const from = path.resolve(root, input.path);
    if (!fs.existsSync(from)) {
      if (input.optional) {
        skipped.push(input.path);
        continue;
      }
      throw new Error(`electronegativity gate: ${input.path} does not exist`);
    }
    const list = fs.statSync(from).isDirectory()
      ? fs
          .readdirSync(from, { recursive: true, encoding: 'utf8' })
          .map((f) => path.join(input.path, f))
          .filter((f) => fs.statSync(path.resolve(root, f)).isFile())
      : [input.path];
    for (const rel of list) {
      if (rel.split(path.sep).includes('node_modules')) continue;
      const to = path.join(into, rel);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.resolve(root, rel), to);
      if (SCANNED.test(rel)) files.push(rel.split(path.sep).join('/'));
    }
  }
  return { files, skipped };
}

interface EnParser {
  parse(file: string, content: string): unknown;
}

/** Files electronegativity's own parser rejects (it would skip them without a word). */
export function unparsableFiles(dir: string, files: string[]): { file: string; error: string }[] {
  const { Parser } = require('@doyensec/electronegativity/dist/parser/parser.js') as { Parser: new (babelFirst: boolean, typescriptBabelFirst: boolean) => EnParser };
  const parser = new Parser(false, true);
  const bad: { file: string; error: string }[] = [];
  for (const f of files) {
    const full = path.join(dir, f);
    try {
      parser.parse(full, fs.readFileSync(full, 'utf8'));
    } catch (e) {
      bad.push({ file: f, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return bad;
}

/** Inline `eng-disable` comments: findings hidden in the code instead of explained in the baseline. */
export function inlineSuppressions(dir: string, files: string[]): string[] {
  const hits: string[] = [];
  for (const f of files) {
    fs.readFileSync(path.join(dir, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/eng-disable/.test(line)) hits.push(`${f}:${i + 1}`);
      });
  }
  return hits;
}

export function installedElectronVersion(root = ROOT): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
}

export function electronegativityVersion(): string {
  return (require('@doyensec/electronegativity/package.json') as { version: string }).version;
}

function runCli(input: string, electronVersion: string, output: string): Promise<void> {
  const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '-i', input, '-e', electronVersion, '-x', EXCLUDED_CHECKS.join(','), '-r', '-o', output], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.on('data', () => {});
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`electronegativity exited ${code}: ${err.slice(0, 2000)}`))));
  });
}

/** How many times the CSV scan may run before the gate gives up on a consistent report. */
export const CSV_ATTEMPTS = 4;

const sameKeys = (findings: Finding[], sarif: string[]) => JSON.stringify(csvKeys(findings).sort()) === JSON.stringify(sarif);

/**
 * One CSV scan. The CLI writes the CSV header and body with two concurrent fs.writeFile calls (flags
 * 'w' and 'a'), so the header can truncate or overwrite the body: a CSV that does not parse is
 * returned empty with its error, and the caller's comparison with the SARIF sends it round again.
 */
async function scanCsv(input: string, electronVersion: string, output: string): Promise<{ findings: Finding[]; error: string | null }> {
  fs.rmSync(output, { force: true });
  await runCli(input, electronVersion, output);
  try {
    return { findings: parseReportCsv(fs.readFileSync(output, 'utf8')), error: null };
  } catch (e) {
    return { findings: [], error: e instanceof Error ? e.message : String(e) };
  }
}

export interface GateOptions {
  root?: string;
  inputs?: { path: string; optional: boolean }[];
  baseline: Baseline;
  /** Where the CSV, SARIF and summary go (kept as CI artifacts). */
  outDir?: string;
  electronVersion?: string;
}

export interface GateResult {
  ok: boolean;
  decision: Decision;
  findings: Finding[];
  scanned: string[];
  skippedInputs: string[];
  problems: string[];
  electronVersion: string;
  reportDir: string;
  /** CSV scans it took to get a report that agrees with the SARIF (see scanCsv). */
  csvAttempts: number;
}

/** Stages, checks, scans (CSV and SARIF in parallel), cross-checks and decides. */
export async function runGate(o: GateOptions): Promise<GateResult> {
  const root = o.root ?? ROOT;
  const electronVersion = o.electronVersion ?? installedElectronVersion(root);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-eneg-'));
  const stage = path.join(work, 'scan');
  const reportDir = o.outDir ?? path.join(work, 'report');
  fs.mkdirSync(reportDir, { recursive: true });
  const problems: string[] = [];
  try {
    const { files, skipped } = stageInputs(root, o.inputs ?? DEFAULT_INPUTS, stage);
    if (files.length === 0) problems.push('nothing to scan');
    const csvFile = path.join(reportDir, 'electronegativity.csv');
    const sarifFile = path.join(reportDir, 'electronegativity.sarif');
    // The two scans run as child processes while this one checks what they would silently skip.
    const scans = Promise.all([scanCsv(stage, electronVersion, csvFile), runCli(stage, electronVersion, sarifFile)]);
    for (const b of unparsableFiles(stage, files)) problems.push(`electronegativity cannot parse ${b.file} (it would be skipped): ${b.error}`);
    for (const s of inlineSuppressions(stage, files)) problems.push(`inline eng-disable suppression at ${s}: explain the finding in the baseline instead`);
    const [csv] = await scans;
    let findings = csv.findings;
    let csvAttempts = 1;
    const fromSarif = sarifKeys(JSON.parse(fs.readFileSync(sarifFile, 'utf8'))).sort();
    // The SARIF is one write; a CSV that disagrees lost rows to the race: scan again (a few times).
    while (!sameKeys(findings, fromSarif) && csvAttempts < CSV_ATTEMPTS) {
      csvAttempts++;
      findings = (await scanCsv(stage, electronVersion, csvFile)).findings;
    }
    if (!sameKeys(findings, fromSarif)) problems.push(`the CSV and SARIF reports disagree after ${CSV_ATTEMPTS} scans (CSV ${findings.length}, SARIF ${fromSarif.length} findings): the scan is not trustworthy${csv.error ? ` (${csv.error})` : ''}`);

    const decision = decide(findings, o.baseline);
    const result: GateResult = { ok: problems.length === 0 && decision.failures.length === 0, decision, findings, scanned: files, skippedInputs: skipped, problems, electronVersion, reportDir, csvAttempts };
    fs.writeFileSync(path.join(reportDir, 'summary.json'), JSON.stringify({ ok: result.ok, electronVersion, scanned: files.length, skippedInputs: skipped, problems, failures: decision.failures, accepted: decision.accepted.map((a) => ({ ...a.finding, justification: a.entry.justification })), informational: decision.informational, stale: decision.stale }, null, 2));
    return result;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

export function loadBaseline(file: string): Baseline {
  return baselineSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export const DEFAULT_BASELINE = path.join(ROOT, 'security/electronegativity-baseline.json');

function print(r: GateResult): void {
  const line = (f: Finding) => `${f.severity.padEnd(8)} ${f.check} ${f.file}:${f.location}${f.sample ? `  ${f.sample.slice(0, 100)}` : ''}`;
  console.log(`electronegativity ${electronegativityVersion()} (Electron ${r.electronVersion}): ${r.scanned.length} files scanned${r.skippedInputs.length ? `, not built: ${r.skippedInputs.join(', ')}` : ''}${r.csvAttempts > 1 ? `, CSV scanned ${r.csvAttempts} times (report race)` : ''}`);
  for (const a of r.decision.accepted) console.log(`  explained ${line(a.finding)}`);
  for (const f of r.decision.informational) console.log(`  info      ${line(f)}`);
  for (const e of r.decision.stale) console.log(`  stale baseline entry: ${e.check} ${e.file}${e.sampleContains ? ` (${e.sampleContains})` : ''}: no longer found, remove it`);
  for (const f of r.decision.failures) console.log(`  FAIL      ${line(f)}`);
  for (const p of r.problems) console.log(`  FAIL      ${p}`);
  console.log(`reports: ${r.reportDir}`);
  console.log(r.ok ? 'electronegativity gate: passed' : `electronegativity gate: FAILED (${r.decision.failures.length} unexplained HIGH/MEDIUM findings, ${r.problems.length} scan problems)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { baseline: { type: 'string' }, out: { type: 'string' }, input: { type: 'string', multiple: true } } });
  try {
    const result = await runGate({
      baseline: loadBaseline(values.baseline ? path.resolve(values.baseline) : DEFAULT_BASELINE),
      outDir: path.resolve(values.out ?? path.join(ROOT, 'test-results/electronegativity')),
      ...(values.input?.length ? { inputs: values.input.map((p) => ({ path: p, optional: false })) } : {}),
    });
    print(result);
    process.exitCode = result.ok ? 0 : 1;
  } catch (e) {
    console.error(`electronegativity gate: FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
