import { describe, expect, it } from 'vitest';
import { renderSubject, subjectValues, templateProblems, SUBJECT_MAX_LENGTH } from '../../../main/engine/orchestration/subject-template.js';
import { session } from '../../support/orchestration-fixtures.js';

const values = subjectValues(session());

describe('REC-7 subject template', () => {
  it.each([
    ['{CALL_TYPE} {CALL_ID} - {MENU_PATH}', 'IVR call S-1001 - Support > Billing'],
    ['{PHONE_NUMBER} / {LANGUAGE}', '+82215881234 / ko'],
    ['Started {TIMESTAMP}', 'Started 2026-11-21T09:00:00Z'],
    ['{call_type}: {Call_Id}', 'IVR call: S-1001'],
    ['Plain text subject', 'Plain text subject'],
    ['{{literal}} {CALL_ID}', '{literal} S-1001'],
  ])('renders %j as %j', (template, expected) => {
    expect(renderSubject(template, values, 'kustomer')).toBe(expected);
  });

  it('keeps an unknown variable as written, so the typo is visible', () => {
    expect(renderSubject('{CALL_TYPE} {CUSTOMER_NAME}', values, 'kustomer')).toBe('IVR call {CUSTOMER_NAME}');
  });

  it.each([
    ['{CALL_TYPE} {CALL_ID} - {MENU_PATH}', 'IVR call S-1001'],
    ['{MENU_PATH} - {CALL_TYPE}', 'IVR call'],
    ['{CALL_ID} | {MENU_PATH} | {LANGUAGE}', 'S-1001 | ko'],
    ['{MENU_PATH}', 'IVR call S-1001'],
  ])('a missing value leaves no dangling separator: %j -> %j', (template, expected) => {
    const v = subjectValues(session({ menuPath: null }));
    expect(renderSubject(template, v, 'kustomer')).toBe(expected);
  });

  it('falls back to "{CALL_TYPE} {CALL_ID}" for an empty template', () => {
    expect(renderSubject('   ', values, 'zendesk')).toBe('IVR call S-1001');
  });

  it('uses the number the agent dialled for outbound calls', () => {
    const v = subjectValues(session({ type: 'voice_outbound', customer: { phone: '+821099998888', identifier: null, email: null, name: null } }));
    expect(renderSubject('{CALL_TYPE} to {PHONE_NUMBER}', v, 'kustomer')).toBe('Outbound call to +821099998888');
  });

  it.each(['kustomer', 'zendesk', 'freshdesk', 'salesforce'] as const)('cuts a long subject to the %s limit', (crm) => {
    const out = renderSubject('x'.repeat(400), values, crm);
    expect(Array.from(out)).toHaveLength(SUBJECT_MAX_LENGTH[crm]);
    expect(out.endsWith('…')).toBe(true);
  });

  it('reports unknown variables, unbalanced braces and empty templates for the admin screen', () => {
    expect(templateProblems('{CALL_TYPE} {FOO}').map((p) => p.code)).toEqual(['unknown_variable']);
    expect(templateProblems('{CALL_TYPE').map((p) => p.code)).toEqual(['unbalanced_brace']);
    expect(templateProblems('').map((p) => p.code)).toEqual(['empty']);
    expect(templateProblems('{CALL_TYPE} {{x}}')).toEqual([]);
  });

  it('never throws on hostile input', () => {
    for (const t of ['{', '}', '{{{', '{}', '{1}', '{CALL_ID', '\u0000{CALL_ID}\u0000', '{'.repeat(1000)]) {
      expect(() => renderSubject(t, values, 'kustomer')).not.toThrow();
    }
  });
});
