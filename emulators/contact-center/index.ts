// Contact-center simulator (PROTOCOL.md over socket.io v4), for tests, the demo and benchmarks.
export { startContactCenter } from './sim.js';
export type { ContactCenterSim, AgentSnapshot, SimState, SipTarget } from './handle.js';
export type { SimOptions, SimConfig, AgentDef, QueueDef } from './options.js';
export { simConfigSchema } from './options.js';
export type { InboundInput, SmartActionInput, VoicemailInput, TransferInput } from './control-schemas.js';
export { INBOUND_TYPES } from './control-schemas.js';
export type { SessionSnapshot, SessionState, RecordLink } from './session-store.js';
export type { EmittedEntry } from './event-hub.js';
export { SimError, ContractViolation } from './sim-error.js';
export { scaledClock, systemClock, type Clock } from './time.js';
export * from './default-data.js';
export { runScenario, type ScenarioStep, type ScenarioResult, type ScenarioOptions } from './scenario-runner.js';
export { loadScenario, scenarioSchema } from './scenario-schema.js';
export { simulatedAgent, type SimulatedAgent, type SimulatedAgentOptions, type ReceivedEvent } from './simulated-agent.js';
