// The emulator's describe data: which fields each sObject has, their types and what the API may
// do with them. Writes, SOQL and GET /sobjects/{Object}/describe all read it.
export const FIELD_TYPES = [
  'id', 'reference', 'string', 'textarea', 'phone', 'email', 'url', 'picklist', 'multipicklist',
  'boolean', 'int', 'double', 'date', 'datetime', 'base64',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  /** Characters, for text types. */
  length: number;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  /** The platform fills it when a create leaves it out (so it is not "required"). */
  defaultedOnCreate: boolean;
  /** Usable in a SOQL WHERE (long text areas and blobs are not). */
  filterable: boolean;
  externalId: boolean;
  unique: boolean;
  referenceTo: string[];
  /** Picklist values (read each time: Case.Status follows the org's CaseStatus rows). */
  values?: () => string[];
  /** A restricted picklist refuses any other value. */
  restricted: boolean;
  custom: boolean;
}

export interface ObjectDef {
  name: string;
  label: string;
  keyPrefix: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  fields: FieldDef[];
  /** Lower-cased field name -> field (field names are case-insensitive in the API). */
  byLower: Map<string, FieldDef>;
}

export type SObjectRecord = Record<string, unknown> & { Id: string };

type FieldInit = Partial<FieldDef> & { name: string; type: FieldType };

/** A field with Salesforce's usual defaults for its type (createable, updateable, nillable, filterable). */
export function field(init: FieldInit): FieldDef {
  const textLike = ['string', 'textarea', 'phone', 'email', 'url', 'picklist', 'multipicklist'].includes(init.type);
  const defaultLength = init.type === 'textarea' ? 32_000 : init.type === 'phone' ? 40 : init.type === 'email' ? 80 : textLike ? 255 : init.type === 'id' || init.type === 'reference' ? 18 : 0;
  const length = init.length ?? defaultLength;
  const custom = init.name.endsWith('__c');
  const label = custom ? init.name.replace(/__c$/, '').replace(/_/g, ' ') : init.name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ Id$/, ' ID');
  return {
    label,
    length,
    createable: true,
    updateable: true,
    nillable: init.type !== 'boolean',
    defaultedOnCreate: init.type === 'boolean',
    filterable: init.type !== 'base64' && !(init.type === 'textarea' && length > 255),
    externalId: false,
    unique: false,
    referenceTo: [],
    restricted: false,
    custom,
    ...init,
  };
}

/** A read-only field the platform maintains. */
export function system(init: FieldInit): FieldDef {
  return field({ createable: false, updateable: false, defaultedOnCreate: true, ...init });
}

export function objectDef(init: Omit<ObjectDef, 'byLower'>): ObjectDef {
  const byLower = new Map(init.fields.map((f) => [f.name.toLowerCase(), f]));
  return { ...init, byLower };
}
