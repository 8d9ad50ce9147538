import { useEffect, useState } from 'react';

/** Hash routes (#/workflows/demo), so the server serves one index.html for every page. */
export function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = () => setRoute(read());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export const go = (...parts: string[]) => {
  window.location.hash = '/' + parts.map(encodeURIComponent).join('/');
};
