import { useCallback } from 'react';
import { useDrafts, useServices } from '../../app/services';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A form value kept in the drafts store under `key` (e.g. "oc:<id>:reply"): it survives navigation, reload and
 * restart until the action succeeds and the caller clears it. Object drafts are merged over `initial`, so a
 * form that gained a field still opens.
 */
export const useDraft = <T,>(key: string, initial: T): [T, (value: T) => void, () => void] => {
  const { drafts } = useServices();
  const stored = useDrafts((s) => s.drafts[key]?.value);
  const set = useCallback((value: T) => drafts.getState().set(key, value), [drafts, key]);
  const clear = useCallback(() => drafts.getState().clear(key), [drafts, key]);
  const value = stored === undefined ? initial : isRecord(initial) && isRecord(stored) ? ({ ...initial, ...stored } as T) : (stored as T);
  return [value, set, clear];
};
