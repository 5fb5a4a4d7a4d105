// SEC-1 in CI: the electronegativity gate (scripts/electronegativity-gate.ts). It runs the real
// scanner offline over the Electron sources and passes only because every HIGH/MEDIUM finding is
// explained in the reviewed baseline; the same gate over a deliberately insecure app exits 1. Its
// decision function, CSV reading and scan guards are also tested on synthetic input, so a gate that
// could never fail would show here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineSchema, decide, DEFAULT_BASELINE, inlineSuppressions, loadBaseline, parseReportCsv, unparsableFiles, type Baseline, type Finding } from '../../scripts/electronegativity-gate.js';

const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-gate-test-'));

interface Run {
  code: number | null;
  stdout: string;
  summary: { ok: boolean; failures: Finding[]; accepted: Finding[]; stale: unknown[]; problems: string[]; scanned: number };
}

function gate(args: string[], out: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/electronegativity-gate.ts'), '--out', out, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const file = path.join(out, 'summary.json');
      resolve({ code, stdout, summary: fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Run['summary']) : ({} as Run['summary']) });
    });
  });
}

/** An app that breaks the checklist the way electronegativity can see. */
function insecureApp(): string {
  const dir = path.join(work, 'insecure-app');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'main.js'),
    [
      "const { app, BrowserWindow, shell } = require('electron');",
      'app.whenReady().then(() => {',
      "  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false, allowRunningInsecureContent: true } });",
      "  win.webContents.on('new-window', (e, url) => shell.openExternal(url));",
      "  win.loadURL('http://example.com/');",
      '});',
    ].join('\n'),
  );
  return dir;
}

const emptyBaseline: Baseline = { electronegativity: '1.10.3', entries: [] };
let real: Run;
let insecure: Run;

beforeAll(async () => {
  const baselineFile = path.join(work, 'empty-baseline.json');
  fs.writeFileSync(baselineFile, JSON.stringify(emptyBaseline));
  [real, insecure] = await Promise.all([gate([], path.join(work, 'real')), gate(['--input', insecureApp(), '--baseline', baselineFile], path.join(work, 'insecure'))]);
}, 180_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('SEC-1 electronegativity gate', () => {
  it('passes on AgentDesk: every HIGH/MEDIUM finding is explained by the reviewed baseline, none stale', () => {
    expect(real.code, real.stdout).toBe(0);
    expect(real.summary.ok).toBe(true);
    expect(real.summary.failures).toEqual([]);
    expect(real.summary.problems).toEqual([]);
    expect(real.summary.stale).toEqual([]);
    expect(real.summary.scanned).toBeGreaterThan(20);
    expect(real.stdout).toMatch(/electronegativity gate: passed/);
  });

  it('fails (exit 1) on an app that breaks the checklist, naming each finding', () => {
    expect(insecure.code, insecure.stdout).toBe(1);
    expect(insecure.summary.ok).toBe(false);
    const checks = new Set(insecure.summary.failures.map((f) => f.check));
    for (const c of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'INSECURE_CONTENT_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']) expect(checks, c).toContain(c);
    expect(insecure.stdout).toMatch(/FAIL\s+HIGH\s+CONTEXT_ISOLATION_JS_CHECK/);
  });

  it('the decision: unexplained HIGH/MEDIUM fail, explained ones pass, LOW is informational, unused entries are stale', () => {
    const f = (over: Partial<Finding>): Finding => ({ check: 'OPEN_EXTERNAL_JS_CHECK', severity: 'MEDIUM', confidence: 'TENTATIVE', file: 'main/electron/navigation.ts', location: '19:7', sample: 'void shell.openExternal(url)', description: '', ...over });
    const entry = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/electron/navigation.ts', sampleContains: 'shell.openExternal(url)', justification: 'x'.repeat(60), reviewed: '2026-11-22' };
    const baseline: Baseline = { electronegativity: '1.10.3', entries: [entry, { ...entry, check: 'SANDBOX_JS_CHECK' }] };

    const high = f({ check: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH' });
    expect(decide([high], emptyBaseline).failures).toEqual([high]);
    const d = decide([f({}), f({ severity: 'LOW', check: 'X' }), f({ severity: 'INFORMATIONAL', check: 'Y' })], baseline);
    expect(d.failures).toEqual([]);
    expect(d.accepted.map((a) => a.finding.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    expect(d.informational.map((x) => x.check)).toEqual(['X', 'Y']);
    expect(d.stale.map((e) => e.check)).toEqual(['SANDBOX_JS_CHECK']);
    // The same check elsewhere, or another call in the same file, is not covered.
    expect(decide([f({ file: 'main/electron/window.ts' })], baseline).failures).toHaveLength(1);
    expect(decide([f({ sample: 'shell.openExternal(untrusted)' })], baseline).failures).toHaveLength(1);
    expect(decide([f({ severity: 'medium' })], baseline).accepted).toHaveLength(1);
  });

  it('reads electronegativity\'s CSV (quotes, commas, the header anywhere) and refuses a torn one', () => {
    const csv = [
      'SANDBOX_JS_CHECK,"MEDIUM","FIRM","main/electron/window.ts","11:14","const win = new BrowserWindow(a, ""b"", c);","Use sandbox, please",https://x',
      'issue, severity, confidence, filename, location, sample, description, url',
      'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP",https://y',
    ].join('\n');
    expect(parseReportCsv(csv)).toEqual([
      { check: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', confidence: 'FIRM', file: 'main/electron/window.ts', location: '11:14', sample: 'const win = new BrowserWindow(a, "b", c);', description: 'Use sandbox, please' },
      { check: 'CSP_GLOBAL_CHECK', severity: 'MEDIUM', confidence: 'CERTAIN', file: 'N/A', location: '0:0', sample: '', description: 'No CSP' },
    ]);
    // What the CLI's racing header/body writes can leave behind.
    expect(() => parseReportCsv('ted in the target application",https://github.com/x\n')).toThrow(/fields/);
  });

  it('a file the scanner cannot parse, or an inline eng-disable, fails the scan', () => {
    const dir = path.join(work, 'guards');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'ok.ts'), 'export const a: number = 1;\n');
    fs.writeFileSync(path.join(dir, 'broken.ts'), 'export const a = ;\n');
    fs.writeFileSync(path.join(dir, 'hidden.js'), "new BrowserWindow({}); /* eng-disable CONTEXT_ISOLATION_JS_CHECK */\n");
    expect(unparsableFiles(dir, ['ok.ts', 'broken.ts', 'hidden.js']).map((b) => b.file)).toEqual(['broken.ts']);
    expect(inlineSuppressions(dir, ['ok.ts', 'hidden.js'])).toEqual(['hidden.js:1']);
  });

  it('the reviewed baseline: valid, every entry justified by a security test that exists', () => {
    const baseline = loadBaseline(DEFAULT_BASELINE);
    expect(baselineSchema.safeParse(baseline).success).toBe(true);
    for (const e of baseline.entries) {
      const proofs = [...e.justification.matchAll(/Proven by (test\/security\/[\w-]+\.test\.ts) "([^"]+)"/g)];
      expect(proofs.length, e.check).toBeGreaterThan(0);
      for (const [, file, name] of proofs) expect(fs.readFileSync(path.join(root, file as string), 'utf8').includes(name as string), `${e.check}: "${name}" in ${file}`).toBe(true);
    }
  });
});
