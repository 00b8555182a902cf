export { createSimulator, type Simulator } from './server.ts';
export {
  FAULT_MODES,
  OUTCOMES,
  type FaultMode,
  type FaultOptions,
  type Outcome,
  type PersistedSimulator,
  type RequestKind,
  type SimOrder,
  type SimOrderStatus,
  type SimRequest,
  type SimulatorLogger,
  type SimulatorOptions,
  type SimulatorState,
} from './types.ts';
