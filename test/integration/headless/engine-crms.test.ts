// `npm run engine` with `crm.kind` set to each CRM: the same call becomes a record, assigned to
// the agent, in Kustomer, Zendesk, Freshdesk and Salesforce (their emulators on loopback).
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CRM_KINDS } from '../../../common/protocol/index.js';
import { startContactCenter, DEFAULT_AGENTS, AGENT_EMAILS, QUEUE_IDS, type ContactCenterSim } from '../../../emulators/contact-center/index.js';
import { CRM_TARGETS, type CrmTarget } from '../../../emulators/targets/index.js';
import { spawnEngine, until, writeConfig, type EngineProcess } from '../../support/engine-process.js';

let sim: ContactCenterSim | null = null;
let crm: CrmTarget | null = null;
let engine: EngineProcess | null = null;
afterEach(async () => {
  engine?.proc.kill('SIGKILL');
  await sim?.close();
  await crm?.close();
});

describe.each(CRM_KINDS)('headless engine with crm.kind = %s', (kind) => {
  it('turns an assigned call into a record assigned to the agent, and links it back', async () => {
    crm = await CRM_TARGETS[kind]();
    const agents = DEFAULT_AGENTS.map((a) => ({ ...a, crmUserId: crm!.userIdFor(a.email) }));
    sim = await startContactCenter({ agents, settings: crm.settings });
    engine = spawnEngine(
      writeConfig({
        contactCenter: { url: sim.url, token: `dev:${AGENT_EMAILS.agent1}:agent` },
        crm: { kind, ...crm.connection },
        dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `agentdesk-${kind}-`)),
      }),
    );
    await engine.waitFor((l) => l.event === 'cc.connected');
    sim.setAgentStatus(AGENT_EMAILS.agent1, 'available');
    const id = sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012340000', queueId: QUEUE_IDS.billing });
    const written = await engine.waitFor((l) => l.event === 'record.written' && l.key === id);
    const record = crm.records().find((r) => r.key === id);
    expect(record?.id).toBe(written.recordId);
    expect(record?.assignee).toBe(crm.userIdFor(AGENT_EMAILS.agent1));
    await until(() => sim!.linkedRecords().some((l) => l.sessionId === id && l.crm === kind && l.recordId === record?.id), 10_000, 'record.linked');
  });
});
