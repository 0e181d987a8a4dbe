import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocalTime } from './local-time';

describe('LocalTime on the server (and so in the hydrating render)', () => {
  it('shows UTC with the zone named, whatever the server’s zone', () => {
    const html = renderToString(createElement(LocalTime, { iso: '2024-03-05T23:30:00Z' }));
    expect(html).toBe('<time dateTime="2024-03-05T23:30:00Z">5 Mar, 23:30 UTC</time>');
  });

  it('has a medium style with the year', () => {
    const html = renderToString(createElement(LocalTime, { iso: '2024-03-06T00:30:00Z', style: 'medium' }));
    expect(html).toContain('>6 Mar 2024, 00:30 UTC</time>');
  });

  it('renders nothing for a value that is not a date', () => {
    expect(renderToString(createElement(LocalTime, { iso: 'not a date' }))).toBe('');
  });
});
