// REC-1..REC-6: when records are created and appended to.
import { useT } from '../app/context.js';
import { useAdmin } from './admin-context.js';
import { PATHS, type AbandonedChats } from './admin-form.js';
import { NumberField, RadioGroup, SwitchField } from './fields.js';
import { MAX } from './validate.js';

export function RecordRulesSection() {
  const t = useT();
  const { form, update } = useAdmin();
  const rc = form.rc;
  const set = (patch: Partial<typeof rc>) => update((f) => ({ ...f, rc: { ...f.rc, ...patch } }));
  return (
    <section className="admin-section" aria-labelledby="adm-records" id="admin-records">
      <h2 id="adm-records">{t('admin.records.title')}</h2>
      <SwitchField path={PATHS.appendSameLeaf} label={t('admin.rec1.label')} help={t('admin.rec1.help')} checked={rc.appendSameLeaf} onChange={(v) => set({ appendSameLeaf: v })} />
      <SwitchField path={PATHS.reopen} label={t('admin.rec2.label')} help={t('admin.rec2.help')} checked={rc.reopenOn} onChange={(v) => set({ reopenOn: v })}>
        {rc.reopenOn && (
          <NumberField path={PATHS.reopen} label={t('admin.rec2.days')} unit={t('admin.unit.days')} min={1} max={MAX.days} value={rc.reopenDays} onChange={(v) => set({ reopenDays: v })} />
        )}
      </SwitchField>
      <SwitchField path={PATHS.callOnConnect} label={t('admin.rec3.label')} help={t('admin.rec3.help')} checked={rc.callOnConnect} onChange={(v) => set({ callOnConnect: v })} />
      <SwitchField path={PATHS.chatDelay} label={t('admin.rec4.label')} help={t('admin.rec4.help')} checked={rc.chatDelayOn} onChange={(v) => set({ chatDelayOn: v })}>
        {rc.chatDelayOn && (
          <NumberField
            path={PATHS.chatDelay}
            label={t('admin.rec4.count')}
            unit={t('admin.unit.messages')}
            min={1}
            max={MAX.messages}
            value={rc.chatMinMessages}
            onChange={(v) => set({ chatMinMessages: v })}
          />
        )}
      </SwitchField>
      <SwitchField path={PATHS.abandonedCalls} label={t('admin.rec5.label')} help={t('admin.rec5.help')} checked={rc.abandonedCalls} onChange={(v) => set({ abandonedCalls: v })} />
      <RadioGroup<AbandonedChats>
        path={PATHS.abandonedChats}
        legend={t('admin.rec6.legend')}
        value={rc.abandonedChats}
        onChange={(v) => set({ abandonedChats: v })}
        options={[
          { value: 'off', label: t('admin.rec6.off'), help: t('admin.rec6.offHelp') },
          { value: 'all', label: t('admin.rec6.all'), help: t('admin.rec6.allHelp') },
          { value: 'minMessages', label: t('admin.rec6.min'), help: t('admin.rec6.minHelp') },
        ]}
      />
      {rc.abandonedChats === 'minMessages' && (
        <NumberField
          path={PATHS.abandonedChatsMin}
          label={t('admin.rec6.count')}
          unit={t('admin.unit.messages')}
          min={1}
          max={MAX.messages}
          value={rc.abandonedChatsMin}
          onChange={(v) => set({ abandonedChatsMin: v })}
        />
      )}
    </section>
  );
}
