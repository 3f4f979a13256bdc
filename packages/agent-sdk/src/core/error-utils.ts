import { SwitchboardError } from '../errors.js';

/** Anything thrown, as a `SwitchboardError`; unexpected throws become `internal`. */
export function toSwitchboardError(error: unknown): SwitchboardError {
  if (error instanceof SwitchboardError) return error;
  return new SwitchboardError('internal', error instanceof Error ? error.message : String(error));
}
