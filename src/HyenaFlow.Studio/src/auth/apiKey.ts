/**
 * The API key a person typed into the Studio. A server bound to a non-loopback address answers 401 to requests
 * without the right key in the X-Api-Key header (see the server's ApiKeyPolicy); the key stays in sessionStorage, so
 * it is gone when the tab closes and never lands in a file, a URL or a log.
 */

export const apiKeyHeader = 'X-Api-Key';
const storageKey = 'hyenaflow.apiKey';

type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// Node (vitest) has no sessionStorage; a test hands in its own store.
let storage: KeyStorage | undefined = typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
const listeners = new Set<() => void>();

export function setKeyStorage(store: KeyStorage | undefined) {
  storage = store;
}

export const apiKey = (): string | null => storage?.getItem(storageKey) ?? null;

export function setApiKey(key: string) {
  const trimmed = key.trim();
  if (trimmed) storage?.setItem(storageKey, trimmed);
  else storage?.removeItem(storageKey);
}

export const clearApiKey = () => storage?.removeItem(storageKey);

/** Called whenever the server refuses a request for want of the right key. */
export function onUnauthorized(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** fetch with the stored key as header; a 401 tells the listeners (the Studio then asks for the key). */
export async function fetchWithKey(url: string, init: RequestInit = {}, fetcher: typeof fetch = fetch): Promise<Response> {
  const headers = new Headers(init.headers);
  const key = apiKey();
  if (key) headers.set(apiKeyHeader, key);
  const response = await fetcher(url, { ...init, headers });
  if (response.status === 401) listeners.forEach((listener) => listener());
  return response;
}
