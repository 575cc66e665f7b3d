// Which language an answer is written in when nobody said, and when somebody did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLang, langOfEnvironment, langOfLocale } from '../../src/i18n/lang.js';

describe('detectLang', () => {
  it('reads a question with Chinese characters as Chinese', () => {
    expect(detectLang('prod 的容器能访问 192.168.10.52:3306 吗')).toBe('zh');
    expect(detectLang('can pod in prod reach 192.168.10.52?')).toBe('en');
  });

  it('reads any ASCII text as English', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }), (text) => detectLang(text) === 'en'));
  });
});

describe('the terminal locale', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(langOfEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langOfEnvironment({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langOfEnvironment({ LC_MESSAGES: 'zh_TW', LANG: 'C' })).toBe('zh');
    expect(langOfEnvironment({ LC_ALL: 'de_DE.UTF-8', LANG: 'zh_CN' })).toBeUndefined();
    expect(langOfEnvironment({})).toBeUndefined();
    // The C locale of containers and CI machines is no preference: a Chinese question is still answered in Chinese.
    expect(langOfLocale('C.UTF-8')).toBeUndefined();
    expect(langOfEnvironment({ LANG: 'C.UTF-8' })).toBeUndefined();
  });
});
