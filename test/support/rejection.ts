// The error a promise rejects with, checked to be of the expected class (a promise that resolves
// fails the test with what it got instead). CRM adapter tests use `crmFailure`.
import { CrmError } from '../../main/engine/crm-port.js';

export async function failure<E>(p: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof type)) throw new Error(`expected a ${type.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  return e;
}

export const crmFailure = (p: Promise<unknown>): Promise<CrmError> => failure(p, CrmError);
