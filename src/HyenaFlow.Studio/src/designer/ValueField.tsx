import { useEffect, useState } from 'react';
import type { JsonSchema } from '../api';
import { isObject, Json, RawNumber } from '../workflow/json';

const isReference = (value: Json | undefined) => typeof value === 'string' && value.includes('${{');

function display(value: Json | undefined): string {
  if (value === undefined) return '';
  if (value instanceof RawNumber) return value.text;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Text typed into a field as the JSON value the schema's type wants; references and anything unparsable stay text. */
function parse(text: string, schema: JsonSchema): Json | undefined {
  if (text === '') return undefined;
  if (text.includes('${{')) return text;
  switch (schema.type) {
    case 'integer':
    case 'number':
      return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? (String(Number(text)) === text ? Number(text) : new RawNumber(text)) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'array':
    case 'object':
    case undefined:
      try {
        return JSON.parse(text) as Json;
      } catch {
        return schema.type === undefined ? text : text;
      }
    default:
      return text;
  }
}

/** One input of a stage, rendered from its JSON schema: select for enums and booleans, JSON for arrays and objects. */
export function ValueField({
  schema,
  value,
  onChange,
  testId,
}: {
  schema: JsonSchema;
  value: Json | undefined;
  onChange: (value: Json | undefined) => void;
  testId?: string;
}) {
  const [text, setText] = useState(display(value));
  useEffect(() => setText(display(value)), [value]);
  const placeholder = schema.default !== undefined ? `default: ${JSON.stringify(schema.default)}` : '';
  if (!isReference(value) && (schema.enum || schema.type === 'boolean')) {
    const options = schema.enum ?? [true, false];
    return (
      <select value={display(value)} onChange={(e) => onChange(parse(e.target.value, { type: schema.type ?? 'string' }))} data-testid={testId}>
        <option value="">{placeholder || '(not set)'}</option>
        {options.map((o) => (
          <option key={String(o)} value={typeof o === 'string' ? o : JSON.stringify(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  }
  const structured = !isReference(value) && (schema.type === 'array' || schema.type === 'object' || Array.isArray(value) || isObject(value));
  const commit = () => {
    const next = parse(text, structured ? { type: 'array' } : schema);
    if (display(next) !== display(value)) onChange(next);
  };
  return structured ? (
    <textarea
      rows={Math.min(6, text.split(/,|\n/).length + 1)}
      value={text}
      placeholder={placeholder}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      data-testid={testId}
    />
  ) : (
    <input
      value={text}
      placeholder={placeholder}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      data-testid={testId}
    />
  );
}
