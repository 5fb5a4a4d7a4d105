// Expected failures of a control or command call. They become `{ok:false, error:{code,message}}`
// acknowledgements on the socket, 4xx replies on the HTTP control surface, and throws in the
// programmatic API (tests want the stack).

export type SimErrorCode = 'bad_request' | 'not_found' | 'forbidden' | 'conflict';

export class SimError extends Error {
  constructor(
    readonly code: SimErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

export function fail(code: SimErrorCode, message: string): never {
  throw new SimError(code, message);
}

/** The simulator built a payload that does not parse with common/protocol: a bug in the simulator. */
export class ContractViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractViolation';
  }
}

export const HTTP_STATUS: Record<SimErrorCode, number> = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};
