import { describe, expect, it } from 'vitest';
import { EventParser, ServerEvent } from './eventStream';

const parse = (...chunks: string[]) => {
  const events: ServerEvent[] = [];
  const parser = new EventParser((e) => events.push(e));
  chunks.forEach((c) => parser.push(c));
  return { events, parser };
};

describe('server-sent events parser', () => {
  it('reads the server run stream format: retry, id, event and one data line per event', () => {
    const { events, parser } = parse('retry: 2000\n\nid: 1\nevent: run\ndata: {"id":"a"}\n\nid: 2\nevent: stage\ndata: {"id":"s"}\n\n');
    expect(parser.retryMs).toBe(2000);
    expect(events).toEqual([
      { event: 'run', data: '{"id":"a"}', id: '1' },
      { event: 'stage', data: '{"id":"s"}', id: '2' },
    ]);
  });

  it('joins events split across chunks, including a CRLF split in the middle', () => {
    const { events } = parse('event: lo', 'g\r', '\ndata: {"text":', '"x"}\r\n\r\n');
    expect(events).toEqual([{ event: 'log', data: '{"text":"x"}', id: undefined }]);
  });

  it('skips comments (keep-alive), joins several data lines and names unnamed events message', () => {
    const { events } = parse(': keep-alive\n\ndata: a\ndata: b\n\n');
    expect(events).toEqual([{ event: 'message', data: 'a\nb', id: undefined }]);
  });
});
