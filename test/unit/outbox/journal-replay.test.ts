// REL-1: what the engine accepted survives a crash: the journal on disk replays to the same state.
import { describe, expect, it, beforeEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileJournal } from '../../../main/adapters/store/file-journal.js';
import { StateStore } from '../../../main/engine/state-store.js';
import { applyRecord, emptyDurableState, replay, type JournalRecord } from '../../../main/engine/durable-state.js';
import { lockDataDir } from '../../../main/adapters/store/data-dir-lock.js';
import type { Intent } from '../../../main/engine/orchestration/types.js';

const note = (key: string, n: number): Intent => ({ kind: 'addNote', key, noteKey: `${key}:n${n}`, body: `note ${n}` });

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-journal-'));
});

describe('durable state', () => {
  it('replays events, attempts, progress, retries, completion and dead letters', () => {
    const records: JournalRecord[] = [
      { t: 'event', identity: 'a', seq: 1, tracks: {}, enq: [{ id: 1, intent: note('S-1', 1), at: 10 }, { id: 2, intent: note('S-1', 2), at: 10 }] },
      { t: 'attempt', id: 1, step: 'note' },
      { t: 'retry', id: 1, nextAt: 500, error: 'HTTP 503' },
      { t: 'attempt', id: 1, step: 'note' },
      { t: 'done', ids: [1], bind: { key: 'S-1', link: { recordId: 'r1', customerId: 'c1', url: 'u' } } },
      { t: 'event', identity: 'a', seq: 2, tracks: {}, enq: [{ id: 3, intent: note('S-2', 1), at: 20 }] },
      { t: 'dead', id: 3, error: 'invalid' },
    ];
    const s = replay(null, records);
    expect(s.lastSeq).toEqual({ a: 2 });
    expect(Object.keys(s.entries).map(Number)).toEqual([2, 3]);
    expect(s.entries[3]?.status).toBe('dead');
    expect(s.bindings['S-1']?.recordId).toBe('r1');
    expect(s.nextId).toBe(4);
  });

  it('counts attempts per step so a re-run step knows it may have committed', () => {
    const s = emptyDurableState();
    applyRecord(s, { t: 'event', identity: 'a', seq: 1, tracks: {}, enq: [{ id: 1, intent: note('S-1', 1), at: 0 }] });
    applyRecord(s, { t: 'attempt', id: 1, step: 'create' });
    expect(s.entries[1]?.attempts).toBe(1);
    expect(s.entries[1]?.progress.attempted).toEqual(['create']);
  });
});

describe('FileJournal + StateStore', () => {
  it('a new store over the same directory sees everything written before (process crash)', () => {
    const a = new StateStore(new FileJournal(dir, { fsync: false }));
    a.write({ t: 'event', identity: 'x', seq: 7, tracks: {}, enq: [{ id: 1, intent: note('S-1', 1), at: 1 }] });
    // no close(): simulate a crash
    const b = new StateStore(new FileJournal(dir, { fsync: false }));
    expect(b.state.lastSeq.x).toBe(7);
    expect(b.state.entries[1]?.intent).toEqual(note('S-1', 1));
  });

  it('compaction keeps the state and empties the journal', () => {
    const a = new StateStore(new FileJournal(dir, { fsync: true }), 3);
    for (let i = 1; i <= 7; i++) a.write({ t: 'event', identity: 'x', seq: i, tracks: {}, enq: [{ id: i, intent: note(`S-${i}`, i), at: i }] });
    const lines = fs.readFileSync(path.join(dir, 'engine.journal.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeLessThan(3);
    const b = new StateStore(new FileJournal(dir, { fsync: false }));
    expect(Object.keys(b.state.entries)).toHaveLength(7);
    expect(b.state.lastSeq.x).toBe(7);
  });

  it('a torn last line (power loss mid-write) is skipped and counted, the rest is kept', () => {
    const a = new StateStore(new FileJournal(dir, { fsync: false }));
    a.write({ t: 'event', identity: 'x', seq: 1, tracks: {}, enq: [{ id: 1, intent: note('S-1', 1), at: 1 }] });
    fs.appendFileSync(path.join(dir, 'engine.journal.jsonl'), '{"t":"event","identity":"x","se');
    const j = new FileJournal(dir, { fsync: false });
    const loaded = j.load();
    expect(loaded.corrupt).toBe(1);
    expect(loaded.records).toHaveLength(1);
  });

  it('an unreadable snapshot stops the start with a clear error and is kept aside', () => {
    fs.writeFileSync(path.join(dir, 'engine.snapshot.json'), '{not json');
    expect(() => new FileJournal(dir, { fsync: false }).load()).toThrow(/snapshot is unreadable/);
    expect(fs.readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(true);
  });
});

describe('dataDir lock', () => {
  it('refuses a second engine on the same dataDir and takes over a stale lock', () => {
    const release = lockDataDir(dir);
    fs.writeFileSync(path.join(dir, 'engine.lock'), String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(/in use by another engine/);
    fs.writeFileSync(path.join(dir, 'engine.lock'), '999999999'); // nobody
    const again = lockDataDir(dir);
    again();
    release();
    expect(fs.existsSync(path.join(dir, 'engine.lock'))).toBe(false);
  });
});

describe('group commit', () => {
  it('callers that arrive while a flush is pending share it; a later caller gets the next one; all resolve', async () => {
    const j = new FileJournal(dir, { fsync: true });
    j.load();
    j.append({ t: 'attempt', id: 1, step: 'create' }, false);
    const a = j.flush();
    const b = j.flush();
    expect(b).toBe(a);
    await a;
    j.append({ t: 'attempt', id: 2, step: 'create' }, false);
    const c = j.flush();
    expect(c).not.toBe(a);
    await Promise.all([c, j.flush()]);
    expect(fs.readFileSync(path.join(dir, 'engine.journal.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    j.close();
  });

  it('writeDurable journals the record, applies it, and resolves after the flush', async () => {
    const store = new StateStore(new FileJournal(dir, { fsync: true }));
    store.write({ t: 'event', identity: 'x', seq: 1, tracks: {}, enq: [{ id: 1, intent: note('S-1', 1), at: 1 }] });
    await store.writeDurable({ t: 'attempt', id: 1, step: 'note' });
    expect(store.state.entries[1]?.progress.attempted).toEqual(['note']);
    const again = new StateStore(new FileJournal(dir, { fsync: false }));
    expect(again.state.entries[1]?.attempts).toBe(1);
  });
});
