import { FormEvent, useEffect, useState } from 'react';
import { apiKey, onUnauthorized, setApiKey } from './apiKey';

/** Shown once the server answered 401: a field for the key; saving it reloads the page's data. */
export function ApiKeyPrompt() {
  const [needed, setNeeded] = useState(false);
  const [text, setText] = useState('');
  useEffect(() => onUnauthorized(() => setNeeded(true)), []);
  if (!needed) return null;
  const rejected = apiKey() !== null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApiKey(text);
    // Every page loads its data on mount; a reload is the one place that retries them all with the key.
    window.location.reload();
  };
  return (
    <form className="api-key" onSubmit={submit} data-testid="api-key-form">
      <span>{rejected ? 'The server refused the API key; enter it again:' : 'This server needs an API key:'}</span>
      <input type="password" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} placeholder="X-Api-Key" data-testid="api-key-input" />
      <button type="submit" data-testid="api-key-save">
        Use key
      </button>
      <span className="muted">kept in this tab only (sessionStorage)</span>
    </form>
  );
}
