// ADMIN-1: the admin draft round-trips the settings, and validation gives clear, localized errors.
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../common/protocol/settings.js';
import {
  firstMapped,
  formKey,
  fromSettings,
  mergeMappingRows,
  PATHS,
  customDataPath,
  mappingPath,
  toSettings,
  type AdminForm,
} from '../../../renderer/src/admin/admin-form.js';
import { issueCount, validate } from '../../../renderer/src/admin/validate.js';
import { settings, STATUSES } from '../../e2e/renderer/support/fixtures.js';

const ctx = { statuses: STATUSES };
const edit = (f: AdminForm, change: (f: AdminForm) => void): AdminForm => {
  const copy = structuredClone(f);
  change(copy);
  return copy;
};
const errorKeys = (f: AdminForm, path: string) => (validate(f, ctx).errors[path] ?? []).map((i) => i.key);
const warningKeys = (f: AdminForm, path: string) => (validate(f, ctx).warnings[path] ?? []).map((i) => i.key);

describe('admin form <-> settings', () => {
  it('round-trips the settings unchanged (and the result passes the settings schema)', () => {
    const s = settings();
    const back = toSettings(fromSettings(s), s);
    expect(back).toEqual(s);
    expect(settingsSchema.safeParse(back).success).toBe(true);
  });

  it('round-trips the defaults (REC-2 off as null, REC-4 off as 0, REC-9 on)', () => {
    const s = settings((x) => {
      x.recordCreation.appendToClosedWithinDays = null;
      x.recordCreation.chatMinConsumerMessages = 0;
    });
    const f = fromSettings(s);
    expect(f.rc.reopenOn).toBe(false);
    expect(f.rc.chatDelayOn).toBe(false);
    expect(toSettings(f, s)).toEqual(s);
  });

  it('switches map to the protocol values', () => {
    const s = settings();
    const f = edit(fromSettings(s), (x) => {
      x.rc.reopenOn = false;
      x.rc.chatDelayOn = true;
      x.rc.chatMinMessages = '3';
      x.rc.platformTagOn = false;
      x.crm.tagField = '  ';
    });
    const out = toSettings(f, s);
    expect(out.recordCreation.appendToClosedWithinDays).toBeNull();
    expect(out.recordCreation.chatMinConsumerMessages).toBe(3);
    expect(out.recordCreation.platformTag).toBeNull();
    expect(out.crm.tagField).toBeNull();
  });

  it('keeps the mapping key order (SYNC-3 first-mapped depends on it) and drops unmapped rows', () => {
    const s = settings();
    const f = edit(fromSettings(s), (x) => {
      x.sync.mapping = [
        { name: 'Lunch', ccId: 'lunch' },
        { name: 'Email', ccId: '' },
        { name: 'Available', ccId: 'available' },
      ];
    });
    expect(Object.keys(toSettings(f, s).statusSync.mapping)).toEqual(['Lunch', 'Available']);
  });

  it('empty custom fields are not written; custom data rows are trimmed', () => {
    const s = settings();
    const f = edit(fromSettings(s), (x) => {
      x.customFields.record.queueName = '';
      x.customFields.record.callDuration = ' callDurationNum ';
      x.customData = [{ rowId: 'r', key: ' plan ', field: ' planStr ' }];
    });
    const out = toSettings(f, s);
    expect(out.customFields.record).toEqual({ callDuration: 'callDurationNum' });
    expect(out.customDataMapping).toEqual({ plan: 'planStr' });
  });

  it('mapping rows list the saved mapping first, then Kustomer statuses not mapped yet', () => {
    const rows = mergeMappingRows([{ name: 'Lunch', ccId: 'lunch' }], ['Available', 'Lunch', 'Busy']);
    expect(rows).toEqual([
      { name: 'Lunch', ccId: 'lunch' },
      { name: 'Available', ccId: '' },
      { name: 'Busy', ccId: '' },
    ]);
    expect(firstMapped([{ name: 'Email', ccId: 'away' }, { name: 'Coffee', ccId: 'away' }], 'away')).toBe('Email');
    expect(firstMapped([], 'away')).toBeNull();
  });

  it('formKey ignores row ids', () => {
    const f = fromSettings(settings());
    const g = edit(f, (x) => {
      for (const r of x.customData) r.rowId = `${r.rowId}-other`;
    });
    expect(formKey(f)).toBe(formKey(g));
  });
});

describe('admin validation', () => {
  const base = fromSettings(settings());

  it('a valid form has no errors', () => {
    expect(validate(base, ctx).errors).toEqual({});
  });

  it.each(['0', '366', '2.5', 'abc', '', '-1'])('REC-2 days %j is refused (1..365)', (days) => {
    const f = edit(base, (x) => {
      x.rc.reopenOn = true;
      x.rc.reopenDays = days;
    });
    expect(errorKeys(f, PATHS.reopen)).toEqual(['admin.error.days']);
    expect(validate(f, ctx).errors[PATHS.reopen]?.[0]?.params).toEqual({ min: 1, max: 365 });
  });

  it('REC-2 days are not checked while the switch is off, and 365 is fine', () => {
    expect(errorKeys(edit(base, (x) => ((x.rc.reopenOn = false), (x.rc.reopenDays = 'x'))), PATHS.reopen)).toEqual([]);
    expect(errorKeys(edit(base, (x) => ((x.rc.reopenOn = true), (x.rc.reopenDays = '365'))), PATHS.reopen)).toEqual([]);
  });

  it('REC-2 without REC-1 is a warning', () => {
    const f = edit(base, (x) => ((x.rc.reopenOn = true), (x.rc.appendSameLeaf = false)));
    expect(warningKeys(f, PATHS.reopen)).toEqual(['admin.warn.reopenNeedsAppend']);
  });

  it('REC-4 and REC-6 minimum messages must be at least 1', () => {
    expect(errorKeys(edit(base, (x) => ((x.rc.chatDelayOn = true), (x.rc.chatMinMessages = '0'))), PATHS.chatDelay)).toEqual(['admin.error.minMessages']);
    expect(errorKeys(edit(base, (x) => ((x.rc.abandonedChats = 'minMessages'), (x.rc.abandonedChatsMin = '0'))), PATHS.abandonedChatsMin)).toEqual(['admin.error.minMessages']);
    expect(errorKeys(edit(base, (x) => ((x.rc.abandonedChats = 'all'), (x.rc.abandonedChatsMin = '0'))), PATHS.abandonedChatsMin)).toEqual([]);
  });

  it('REC-7 unknown variables and stray braces warn (with the variable name) but do not block', () => {
    const f = edit(base, (x) => (x.rc.subjectTemplate = '{CALL_TYPE} {FOO} {bar'));
    const v = validate(f, ctx);
    expect(v.errors[PATHS.subjectTemplate]).toBeUndefined();
    expect(v.warnings[PATHS.subjectTemplate]).toEqual([{ key: 'admin.warn.unknownVariable', params: { name: 'FOO' } }, { key: 'admin.warn.unbalancedBrace' }]);
    expect(warningKeys(edit(base, (x) => (x.rc.subjectTemplate = '  ')), PATHS.subjectTemplate)).toEqual(['admin.warn.emptyTemplate']);
    expect(errorKeys(edit(base, (x) => (x.rc.subjectTemplate = 'x'.repeat(1001))), PATHS.subjectTemplate)).toEqual(['admin.error.templateTooLong']);
  });

  it('REC-9 platform tag: required when on, and must survive the CRM format', () => {
    expect(errorKeys(edit(base, (x) => ((x.rc.platformTagOn = true), (x.rc.platformTag = ' '))), PATHS.platformTag)).toEqual(['admin.error.platformTagEmpty']);
    expect(errorKeys(edit(base, (x) => ((x.rc.platformTagOn = true), (x.rc.platformTag = '!!!'))), PATHS.platformTag)).toEqual(['admin.error.platformTagInvalid']);
    expect(errorKeys(edit(base, (x) => ((x.rc.platformTagOn = true), (x.rc.platformTag = 'a'.repeat(65)))), PATHS.platformTag)).toEqual(['admin.error.platformTagLong']);
  });

  it('CRM addresses must be http(s) URLs; the web app address may be empty', () => {
    expect(errorKeys(edit(base, (x) => (x.crm.baseUrl = 'api.kustomerapp.com')), PATHS.crmBaseUrl)).toEqual(['admin.error.url']);
    expect(errorKeys(edit(base, (x) => (x.crm.baseUrl = 'javascript:alert(1)')), PATHS.crmBaseUrl)).toEqual(['admin.error.url']);
    expect(errorKeys(edit(base, (x) => (x.crm.appUrl = '')), PATHS.crmAppUrl)).toEqual([]);
  });

  it('Salesforce without a tag field warns that tags are not written', () => {
    expect(warningKeys(edit(base, (x) => ((x.crm.kind = 'salesforce'), (x.crm.tagField = ''))), PATHS.crmTagField)).toEqual(['admin.warn.salesforceTagField']);
  });

  it('custom field names: no spaces, at most 128 characters', () => {
    const p = 'customFields.record.waitTime';
    expect(errorKeys(edit(base, (x) => (x.customFields.record.waitTime = 'wait time')), p)).toEqual(['admin.error.fieldSpaces']);
    expect(errorKeys(edit(base, (x) => (x.customFields.record.waitTime = 'w'.repeat(129))), p)).toEqual(['admin.error.fieldTooLong']);
  });

  it('KUS-4 rows: key and field required, keys unique; blank rows are ignored', () => {
    const f = edit(base, (x) => {
      x.customData = [
        { rowId: 'a', key: 'orderId', field: '' },
        { rowId: 'b', key: 'orderId', field: 'o2' },
        { rowId: 'c', key: '', field: 'x' },
        { rowId: 'd', key: '', field: '' },
      ];
    });
    expect(errorKeys(f, customDataPath('a'))).toEqual(['admin.error.fieldRequired', 'admin.error.keyDuplicate']);
    expect(errorKeys(f, customDataPath('b'))).toEqual(['admin.error.keyDuplicate']);
    expect(errorKeys(f, customDataPath('c'))).toEqual(['admin.error.keyRequired']);
    expect(errorKeys(f, customDataPath('d'))).toEqual([]);
    expect(issueCount(validate(f, ctx).errors)).toBe(4);
  });

  it('SYNC-1 mapping must name existing contact-center statuses; none mapped warns', () => {
    expect(errorKeys(edit(base, (x) => (x.sync.mapping = [{ name: 'Lunch', ccId: 'gone' }])), mappingPath('Lunch'))).toEqual(['admin.error.unknownStatus']);
    expect(warningKeys(edit(base, (x) => (x.sync.mapping = [])), PATHS.syncMapping)).toEqual(['admin.warn.noMapping']);
  });
});
