import { fetchWithKey } from './auth/apiKey';

export interface ServerEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Server-Sent Events text → events, fed chunk by chunk as they arrive (a chunk may end mid-line). Follows the
 * format's rules: blank line ends an event, several data lines join with newlines, ':' starts a comment, the
 * event name defaults to 'message', and 'retry' sets the reconnection delay.
 */
export class EventParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id?: string;
  retryMs?: number;

  constructor(private readonly emit: (event: ServerEvent) => void) {}

  push(chunk: string) {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, end);
      // A lone '\r' at the chunk's end may be the first half of '\r\n': wait for the next chunk.
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) return;
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      this.line(line);
    }
  }

  private line(line: string) {
    if (line === '') {
      if (this.data.length) this.emit({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id') this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }
}

/**
 * A Server-Sent Events stream read with fetch rather than EventSource, which cannot send the API key header.
 * Reconnects after the server's retry delay when the connection drops, until closed; a refused request
 * (4xx, such as 401 or 404) is not retried.
 */
export class EventStream {
  onopen?: () => void;
  onerror?: () => void;
  private readonly handlers = new Map<string, ((e: ServerEvent) => void)[]>();
  private readonly abort = new AbortController();

  constructor(private readonly url: string) {
    void this.read();
  }

  addEventListener(event: string, handler: (e: ServerEvent) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }

  close() {
    this.abort.abort();
  }

  get closed() {
    return this.abort.signal.aborted;
  }

  private async read() {
    let retryMs = 2000;
    while (!this.closed) {
      // A fresh parser per connection: a half-received event of a dropped one is not glued to the next.
      const parser = new EventParser((e) => this.handlers.get(e.event)?.forEach((handler) => !this.closed && handler(e)));
      try {
        const response = await fetchWithKey(this.url, { headers: { Accept: 'text/event-stream' }, signal: this.abort.signal });
        if (!response.ok || !response.body) {
          this.onerror?.();
          if (response.status >= 400 && response.status < 500) return;
        } else {
          this.onopen?.();
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parser.push(chunk.value);
          if (!this.closed) this.onerror?.();
        }
      } catch {
        if (this.closed) return;
        this.onerror?.();
      }
      retryMs = parser.retryMs ?? retryMs;
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }
}
