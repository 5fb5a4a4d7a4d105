import { describe, expect, it } from 'vitest';
import { customerPlan, toE164 } from '../../../main/engine/orchestration/customer-plan.js';
import { customFieldsSchema } from '../../../common/protocol/index.js';

const noFields = customFieldsSchema.parse({});

describe('KUS-8 phone numbers in E.164', () => {
  it.each([
    ['+82 10-1234-5678', 'KR', '+821012345678'],
    ['010-1234-5678', 'KR', '+821012345678'],
    ['+1 (415) 555-0100', 'KR', '+14155550100'],
    ['(415) 555-0100', 'US', '+14155550100'],
    ['02-1588-1234', 'KR', '+82215881234'],
    ['12', 'KR', null],
    ['not a number', 'KR', null],
    [null, 'KR', null],
  ] as const)('%j (%s) -> %j', (raw, country, expected) => {
    expect(toE164(raw, country)).toBe(expected);
  });
});

describe('KUS-7 customer identity', () => {
  it('an IVR caller is found or created by phone', () => {
    const p = customerPlan({ phone: '010-1234-5678', identifier: null, email: null, name: null }, 'S-1', 'KR', noFields);
    expect(p.query.phoneE164).toBe('+821012345678');
    expect(p.create.key).toBe('phone:+821012345678');
  });
  it('a new app user is created with the SDK identifier, written to the custom user id field', () => {
    const p = customerPlan({ phone: '+821012345678', identifier: 'app-user-9', email: null, name: 'Lee' }, 'S-1', 'KR', customFieldsSchema.parse({ customer: { customUserId: 'customUserIdStr' } }));
    expect(p.create.key).toBe('id:app-user-9');
    expect(p.create.fields).toEqual({ customUserIdStr: 'app-user-9' });
    expect(p.create.name).toBe('Lee');
  });
  it('a web visitor with only an e-mail is keyed by it', () => {
    expect(customerPlan({ phone: null, identifier: null, email: 'Kim@Example.com', name: null }, 'S-1', 'KR', noFields).create.key).toBe('email:kim@example.com');
  });
  it('an anonymous session still gets a customer, keyed by the session', () => {
    const p = customerPlan({ phone: null, identifier: null, email: null, name: null }, 'C-7', 'KR', noFields);
    expect(p.create.key).toBe('anon:C-7');
    expect(p.create.name).toBe('Visitor C-7');
  });
  it('keeps an unparseable number as received instead of dropping it', () => {
    const p = customerPlan({ phone: '12', identifier: null, email: null, name: null }, 'S-1', 'KR', noFields);
    expect(p.query).toMatchObject({ phoneE164: null, phoneRaw: '12' });
  });
});
