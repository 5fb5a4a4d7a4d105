// A CRM emulator (emulators/targets) in a worker thread, so a benchmark's heap figures are the
// engine's own: the emulator's store lives in the worker's V8 heap, not the measured one.
// The parent gets the connection details and settings, and asks for record counts by key prefix.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CrmKind, SettingsInput } from '../../common/protocol/index.js';
import type { TargetConnection, TargetOptions } from '../../emulators/targets/index.js';

interface Ready {
  connection: TargetConnection;
  settings: SettingsInput;
  userIds: Record<string, string | null>;
}
type Ask = { op: 'countRecords'; prefix: string } | { op: 'close' };
type Request = Ask & { id: number };

export interface WorkerTarget extends Ready {
  userIdFor(email: string): string | null;
  /** Records whose session key starts with `prefix`. */
  countRecords(prefix: string): Promise<number>;
  close(): Promise<void>;
}

export async function startTargetInWorker(kind: CrmKind, options: TargetOptions, emails: string[]): Promise<WorkerTarget> {
  // A worker does not inherit tsx's loader: the bootstrap registers it, then loads this module.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { kind, options, emails } });
  const pending = new Map<number, (v: unknown) => void>();
  let nextId = 0;
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: Ready) => resolve(m));
  });
  worker.on('message', (m: { id: number; value: unknown }) => pending.get(m.id)?.(m.value));
  const ask = (req: Ask) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      worker.postMessage({ ...req, id });
    });
  return {
    ...ready,
    userIdFor: (email) => ready.userIds[email] ?? null,
    countRecords: async (prefix) => (await ask({ op: 'countRecords', prefix })) as number,
    close: async () => {
      await ask({ op: 'close' });
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const { CRM_TARGETS } = await import('../../emulators/targets/index.js');
  const { kind, options, emails } = workerData as { kind: CrmKind; options: TargetOptions; emails: string[] };
  const target = await CRM_TARGETS[kind](options);
  port.postMessage({ connection: target.connection, settings: target.settings, userIds: Object.fromEntries(emails.map((e) => [e, target.userIdFor(e)])) } satisfies Ready);
  port.on('message', (req: Request) => {
    if (req.op === 'countRecords') port.postMessage({ id: req.id, value: target.records().filter((r) => r.key?.startsWith(req.prefix)).length });
    else void target.close().then(() => port.postMessage({ id: req.id, value: null }));
  });
}
