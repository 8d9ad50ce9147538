import { useCallback, useRef, useState } from 'react';

/** Undo/redo over immutable states. Edits with the same key in a row (typing in one field) make one undo step. */
export function useHistory<T>(initial: T) {
  const [state, setState] = useState({ present: initial, past: [] as T[], future: [] as T[] });
  const lastKey = useRef<string | null>(null);
  const commit = useCallback((next: T, key: string | null = null) => {
    setState((s) => {
      const coalesce = key !== null && key === lastKey.current;
      lastKey.current = key;
      return { present: next, past: coalesce ? s.past : [...s.past.slice(-199), s.present], future: [] };
    });
  }, []);
  const reset = useCallback((next: T) => {
    lastKey.current = null;
    setState({ present: next, past: [], future: [] });
  }, []);
  const undo = useCallback(() => {
    lastKey.current = null;
    setState((s) => (s.past.length ? { present: s.past[s.past.length - 1], past: s.past.slice(0, -1), future: [s.present, ...s.future] } : s));
  }, []);
  const redo = useCallback(() => {
    lastKey.current = null;
    setState((s) => (s.future.length ? { present: s.future[0], past: [...s.past, s.present], future: s.future.slice(1) } : s));
  }, []);
  return { present: state.present, canUndo: state.past.length > 0, canRedo: state.future.length > 0, commit, reset, undo, redo };
}
