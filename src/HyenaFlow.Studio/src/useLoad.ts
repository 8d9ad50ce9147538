import { useCallback, useEffect, useState } from 'react';

/** Loads once (and on reload()), with the error as text. */
export function useLoad<T>(load: () => Promise<T>): { data?: T; error?: string; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data }),
      (e: Error) => live && setState({ error: e.message }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick]);
  return { ...state, reload: useCallback(() => setTick((t) => t + 1), []) };
}
