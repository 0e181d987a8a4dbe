import { describe, expect, it } from 'vitest';
import { userAgentLabel } from './user-agent-label';

describe('userAgentLabel', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36', 'Chrome on Linux'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Edg/140.0', 'Edge on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari on macOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1', 'Chrome on iOS'],
    ['Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0', 'Firefox on Android'],
  ])('%s → %s', (ua, label) => expect(userAgentLabel(ua)).toBe(label));

  it('handles missing and unknown agents', () => {
    expect(userAgentLabel(null)).toBe('Unknown browser');
    expect(userAgentLabel('')).toBe('Unknown browser');
    expect(userAgentLabel('curl/8.5.0')).toBe('curl/8.5.0');
    expect(userAgentLabel('x'.repeat(100))).toHaveLength(40);
  });
});
