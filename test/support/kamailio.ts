// A real Kamailio (SIP over WebSocket, RFC 7118) on a free loopback port, for the softphone
// specs and the benchmark: start it, wait until it accepts WebSocket connections, stop it, and
// restart it on the same port (the registrar is in memory, so a restart forgets every binding:
// exactly what the re-registration tests need). Without Kamailio it fails with the command that
// installs it; it never skips.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

const root = path.resolve(import.meta.dirname, '../..');
export const RUN_SCRIPT = path.join(root, 'scripts/kamailio/run-kamailio.sh');

export const INSTALL_HINT = 'Kamailio is not installed. Install it with: sudo apt-get install -y kamailio kamailio-websocket-modules kamailio-tls-modules (CI does this in .ci/run).';

export class KamailioMissingError extends Error {
  constructor(detail: string) {
    super(`${INSTALL_HINT}\n${detail}`);
    this.name = 'KamailioMissingError';
  }
}

export interface Kamailio {
  readonly port: number;
  /** ws://127.0.0.1:<port> */
  readonly wsUrl: string;
  /** wss://127.0.0.1:<wssPort> when started with `wss` (a self-signed certificate for 127.0.0.1). */
  readonly wssUrl: string | null;
  /** Log lines (stderr) of the current and earlier runs, for failure messages. */
  readonly log: string[];
  stop(): Promise<void>;
  /** Stop, then start again on the same port; resolves when it accepts WebSocket connections. */
  restart(): Promise<void>;
  /** Start again after stop() (same port). */
  start(): Promise<void>;
  readonly running: boolean;
}

export interface InstallCheck {
  /** The binary (KAMAILIO_BIN); absent: `kamailio` on PATH, else /usr/sbin/kamailio. */
  bin?: string | undefined;
  /** The modules directory (KAMAILIO_MODULES); absent: the Debian locations. */
  modulesDir?: string | undefined;
}

function moduleDirs(): string[] {
  const fixed = ['/usr/lib/kamailio/modules', '/usr/lib64/kamailio/modules'];
  const multiarch = fs.existsSync('/usr/lib') ? fs.readdirSync('/usr/lib').map((d) => path.join('/usr/lib', d, 'kamailio/modules')) : [];
  return [...multiarch, ...fixed];
}

/** Throws KamailioMissingError when the binary or its WebSocket module is absent. */
export function assertKamailioInstalled(check: InstallCheck = { bin: process.env.KAMAILIO_BIN, modulesDir: process.env.KAMAILIO_MODULES }): void {
  const onPath = spawnSync('sh', ['-c', 'command -v kamailio || true'], { encoding: 'utf8' }).stdout.trim();
  const bin = check.bin || onPath || '/usr/sbin/kamailio';
  if (!fs.existsSync(bin)) throw new KamailioMissingError(`No Kamailio binary at ${bin}.`);
  const dirs = check.modulesDir ? [check.modulesDir] : moduleDirs();
  if (!dirs.some((d) => fs.existsSync(path.join(d, 'websocket.so')))) {
    throw new KamailioMissingError('The WebSocket module (websocket.so) is missing: install kamailio-websocket-modules.');
  }
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** One WebSocket upgrade with the `sip` subprotocol; true on 101 Switching Protocols. */
function acceptsWebSocket(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: '/',
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Protocol': 'sip',
      },
      timeout: 1000,
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(true);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(false);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function waitUntil(cond: () => Promise<boolean>, what: string, deadlineMs: number, failed: () => string | null): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const why = failed();
    if (why) throw new Error(why);
    if (await cond()) return;
    if (Date.now() > end) throw new Error(`Kamailio did not ${what} within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface StartOptions {
  port?: number;
  /** How long to wait for the WebSocket listener (a loaded CI machine can be slow). */
  readyTimeoutMs?: number;
  /** Also listen for SIP over WSS on a free port, with a fresh self-signed certificate for 127.0.0.1. */
  wss?: boolean;
  /** REGISTER needs digest authentication with this password. */
  authPassword?: string;
}

/** A self-signed certificate and key for 127.0.0.1 (openssl), in a fresh temp directory. */
function selfSignedCert(): { cert: string; key: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-kamailio-tls-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl could not make a test certificate: ${r.error?.message ?? r.stderr}`);
  return { cert, key };
}

/** True once a TLS handshake on the port succeeds. */
function acceptsTls(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, timeout: 1000 }, () => {
      sock.destroy();
      resolve(true);
    });
    sock.on('timeout', () => sock.destroy());
    sock.on('error', () => resolve(false));
    sock.on('close', () => resolve(false));
  });
}

export async function startKamailio(opts: StartOptions = {}): Promise<Kamailio> {
  assertKamailioInstalled();
  const port = opts.port ?? (await freeLoopbackPort());
  const readyTimeoutMs = opts.readyTimeoutMs ?? 15_000;
  if (opts.wss && !moduleDirs().some((d) => fs.existsSync(path.join(d, 'tls.so')))) {
    throw new KamailioMissingError('The TLS module (tls.so) for SIP over WSS is missing: install kamailio-tls-modules.');
  }
  const wssPort = opts.wss ? await freeLoopbackPort() : null;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (wssPort !== null) {
    const { cert, key } = selfSignedCert();
    Object.assign(env, { KAMAILIO_WSS_PORT: String(wssPort), KAMAILIO_TLS_CERT: cert, KAMAILIO_TLS_KEY: key });
  }
  if (opts.authPassword) env.KAMAILIO_AUTH_PASSWORD = opts.authPassword;
  const log: string[] = [];
  let proc: ChildProcess | null = null;
  let exit: Promise<void> = Promise.resolve();
  let exitInfo: string | null = null;

  const start = async (): Promise<void> => {
    if (proc) return;
    exitInfo = null;
    const child = spawn(RUN_SCRIPT, [String(port)], { stdio: ['ignore', 'pipe', 'pipe'], env });
    proc = child;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log.push(line);
      if (log.length > 2000) log.splice(0, log.length - 2000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    exit = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        if (proc === child) proc = null;
        const tail = log.slice(-15).join('\n');
        exitInfo = code === 127 ? `${INSTALL_HINT}\n${tail}` : `Kamailio on port ${port} exited (code ${code}, signal ${signal}). Last log lines:\n${tail}`;
        resolve();
      });
    });
    await waitUntil(
      () => acceptsWebSocket(port),
      `accept WebSocket connections on 127.0.0.1:${port}`,
      readyTimeoutMs,
      () => (proc === child ? null : (exitInfo ?? 'Kamailio exited')),
    );
    if (wssPort !== null) {
      await waitUntil(() => acceptsTls(wssPort), `accept TLS on 127.0.0.1:${wssPort}`, readyTimeoutMs, () => (proc === child ? null : (exitInfo ?? 'Kamailio exited')));
    }
  };

  const stop = async (): Promise<void> => {
    const child = proc;
    if (!child) return;
    const done = exit;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await done;
    clearTimeout(timer);
    proc = null;
    // The listener closes with the process; wait until the port refuses, so a restart binds it.
    await waitUntil(async () => !(await acceptsWebSocket(port)), 'release its port', 5000, () => null);
    // Its runtime directory (pid file, control sockets); the run script makes it again on start.
    fs.rmSync(path.join(process.env.KAMAILIO_RUN_DIR || path.join(os.tmpdir(), 'agentdesk-kamailio'), String(port)), { recursive: true, force: true });
  };

  await start();
  return {
    port,
    wsUrl: `ws://127.0.0.1:${port}`,
    wssUrl: wssPort !== null ? `wss://127.0.0.1:${wssPort}` : null,
    log,
    stop,
    start,
    async restart() {
      await stop();
      await start();
    },
    get running() {
      return proc !== null;
    },
  };
}
