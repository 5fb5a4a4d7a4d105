// Choose who gets a session: another agent (from the supervisor feed when the app has it, or
// typed) or a queue. Shared by calls and chats.
import { useId, useState } from 'react';
import { useSelector, useT } from '../app/context.js';
import { transferTargets } from '../store/selectors.js';
import type { TransferTarget } from '../softphone/phone.js';

export function TransferPicker({ onChange }: { onChange: (target: TransferTarget | null) => void }) {
  const t = useT();
  const id = useId();
  const { agents, queues } = useSelector(transferTargets);
  const [kind, setKind] = useState<'agent' | 'queue'>(queues.length > 0 && agents.length === 0 ? 'queue' : 'agent');
  const [agentId, setAgentId] = useState('');
  const [queueId, setQueueId] = useState('');

  const emit = (k: 'agent' | 'queue', a: string, q: string) => {
    if (k === 'agent') onChange(a.trim() ? { kind: 'agent', agentId: a.trim() } : null);
    else onChange(q ? { kind: 'queue', queueId: q } : null);
  };

  return (
    <div className="transfer-picker">
      <fieldset className="radio-row">
        <legend>{t('transfer.to')}</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'agent'} onChange={() => {
              setKind('agent');
              emit('agent', agentId, queueId);
            }} />
          {t('transfer.agent')}
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'queue'} onChange={() => {
              setKind('queue');
              emit('queue', agentId, queueId);
            }} />
          {t('transfer.queue')}
        </label>
      </fieldset>
      {kind === 'agent' ? (
        agents.length > 0 ? (
          <label className="field">
            <span>{t('transfer.agent')}</span>
            <select
              value={agentId}
              onChange={(e) => {
                setAgentId(e.target.value);
                emit('agent', e.target.value, queueId);
              }}
            >
              <option value="">{t('transfer.pickAgent')}</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {t('transfer.agentOption', { name: a.name, status: a.statusName })}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="field">
            <span>{t('transfer.agentId')}</span>
            <input
              type="text"
              value={agentId}
              autoComplete="off"
              onChange={(e) => {
                setAgentId(e.target.value);
                emit('agent', e.target.value, queueId);
              }}
            />
          </label>
        )
      ) : (
        <label className="field">
          <span>{t('transfer.queue')}</span>
          <select
            value={queueId}
            onChange={(e) => {
              setQueueId(e.target.value);
              emit('queue', agentId, e.target.value);
            }}
          >
            <option value="">{t('transfer.pickQueue')}</option>
            {queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.path.join(' > ') || q.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

export function describeTarget(target: TransferTarget, names: { agents: { id: string; name: string }[]; queues: { id: string; name: string }[] }): string {
  if (target.kind === 'agent') return names.agents.find((a) => a.id === target.agentId)?.name ?? target.agentId;
  return names.queues.find((q) => q.id === target.queueId)?.name ?? target.queueId;
}
