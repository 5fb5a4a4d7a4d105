// The optional CRM admin port (ADMIN-1): what the admin screens need from a CRM besides record
// writes. KUS-2 custom fields are created in the CRM, and SYNC-1 lists the CRM's user statuses.
// Adapters that cannot do this (yet) simply have no admin port.
import type { CrmKind, StandardCustomerField, StandardRecordField } from '../../common/protocol/index.js';

export type StandardField = StandardRecordField | StandardCustomerField;
export type CustomFieldType = 'text' | 'longText' | 'number';

/** KUS-2: what each standard field holds (the adapter turns it into the CRM's field type). */
export const STANDARD_FIELD_TYPES: Record<StandardField, { on: 'record' | 'customer'; type: CustomFieldType; label: string }> = {
  customUserId: { on: 'customer', type: 'text', label: 'Custom user ID' },
  queueName: { on: 'record', type: 'text', label: 'Queue name' },
  sessionType: { on: 'record', type: 'text', label: 'Session type' },
  sessionId: { on: 'record', type: 'text', label: 'Session ID' },
  outboundPhoneNumber: { on: 'record', type: 'text', label: 'Outbound phone number' },
  callDuration: { on: 'record', type: 'number', label: 'Call duration (s)' },
  waitTime: { on: 'record', type: 'number', label: 'Wait time (s)' },
  holdTime: { on: 'record', type: 'number', label: 'Hold time (s)' },
  csatRating: { on: 'record', type: 'number', label: 'CSAT rating' },
  csatComment: { on: 'record', type: 'longText', label: 'CSAT comment' },
  menuSelection: { on: 'record', type: 'text', label: 'Customer menu selection' },
  inWebEmail: { on: 'record', type: 'text', label: 'In-web e-mail' },
};

export function isStandardField(name: string): name is StandardField {
  return Object.hasOwn(STANDARD_FIELD_TYPES, name);
}

export interface CustomFieldSpec {
  field: StandardField;
  on: 'record' | 'customer';
  type: CustomFieldType;
  label: string;
  /** The CRM field name the admin mapped, or null for the adapter's default name. */
  name: string | null;
}

export interface CustomFieldOutcome {
  field: StandardField;
  /** The CRM's name of the field (with Kustomer's type suffix). */
  crmName: string;
  state: 'created' | 'exists' | 'failed';
  error: string | null;
}

export interface CrmUserStatus {
  name: string;
  statusType: string;
}

export interface CrmAdminPort {
  readonly kind: CrmKind;
  /** Creates each field that does not exist yet; one outcome per spec, in order; never throws for one field. */
  createCustomFields(specs: CustomFieldSpec[], signal?: AbortSignal): Promise<CustomFieldOutcome[]>;
  /** The user statuses defined in the CRM (SYNC-1 mapping screen). */
  listUserStatuses(signal?: AbortSignal): Promise<CrmUserStatus[]>;
}
