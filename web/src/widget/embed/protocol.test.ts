import { describe, expect, it } from 'vitest';
import {
  frameOptionsFrom,
  frameParams,
  looksLikeJwt,
  parseApiCall,
  parseAppearance,
  parseFrameOptions,
  parseHostCommand,
  parseWidgetMessage,
} from './protocol';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2lnbmF0dXJl';
const host = (command: object) => ({ source: 'support-chat-host', ...command });

describe('parseHostCommand', () => {
  it('accepts each command the loader sends', () => {
    expect(parseHostCommand(host({ command: 'open' }))).toEqual({ command: 'open' });
    expect(parseHostCommand(host({ command: 'toggle' }))).toEqual({ command: 'toggle' });
    expect(parseHostCommand(host({ command: 'logout' }))).toEqual({ command: 'logout' });
    expect(parseHostCommand(host({ command: 'layout', fullScreen: true }))).toEqual({
      command: 'layout',
      fullScreen: true,
    });
    expect(parseHostCommand(host({ command: 'identify', token: JWT }))).toEqual({
      command: 'identify',
      token: JWT,
    });
    expect(
      parseHostCommand(host({ command: 'page', page: { url: 'https://shop.test/a', title: 'A' } })),
    ).toEqual({ command: 'page', page: { url: 'https://shop.test/a', title: 'A' } });
  });

  it('reads the hello with or without a token and page', () => {
    expect(
      parseHostCommand(
        host({ command: 'hello', identityToken: JWT, page: { url: 'https://x.test/', title: '' } }),
      ),
    ).toEqual({
      command: 'hello',
      identityToken: JWT,
      page: { url: 'https://x.test/', title: '' },
    });
    expect(parseHostCommand(host({ command: 'hello' }))).toEqual({
      command: 'hello',
      identityToken: null,
      page: null,
    });
    // A hello with a broken token still starts the widget, without the token.
    expect(parseHostCommand(host({ command: 'hello', identityToken: 'x y' }))).toMatchObject({
      identityToken: null,
    });
  });

  it('ignores other sources, unknown commands and malformed arguments', () => {
    expect(parseHostCommand({ source: 'someone-else', command: 'open' })).toBeNull();
    expect(parseHostCommand(host({ command: 'eval' }))).toBeNull();
    expect(parseHostCommand(host({ command: 'layout', fullScreen: 'yes' }))).toBeNull();
    expect(parseHostCommand(host({ command: 'identify', token: 42 }))).toBeNull();
    expect(parseHostCommand(host({ command: 'identify', token: 'not a jwt' }))).toBeNull();
    expect(parseHostCommand(host({ command: 'page', page: { url: 5, title: 'x' } }))).toBeNull();
    expect(
      parseHostCommand(host({ command: 'page', page: { url: 'x'.repeat(20_000), title: '' } })),
    ).toBeNull();
    expect(parseHostCommand(null)).toBeNull();
    expect(parseHostCommand('open')).toBeNull();
  });
});

describe('parseWidgetMessage', () => {
  it('accepts ready and state', () => {
    expect(parseWidgetMessage({ source: 'support-chat', type: 'ready' })).toEqual({
      source: 'support-chat',
      type: 'ready',
    });
    expect(
      parseWidgetMessage({ source: 'support-chat', type: 'state', open: true, unread: 2 }),
    ).toEqual({ source: 'support-chat', type: 'state', open: true, unread: 2, titleCount: 0 });
    expect(
      parseWidgetMessage({
        source: 'support-chat',
        type: 'state',
        open: false,
        unread: 2,
        titleCount: 2,
      }),
    ).toEqual({ source: 'support-chat', type: 'state', open: false, unread: 2, titleCount: 2 });
    expect(
      parseWidgetMessage({
        source: 'support-chat',
        type: 'state',
        open: false,
        unread: 2,
        titleCount: -3,
      }),
    ).toMatchObject({ titleCount: 0 });
  });

  it('refuses a state without a sane unread count', () => {
    const state = { source: 'support-chat', type: 'state', open: false };
    expect(parseWidgetMessage({ ...state, unread: -1 })).toBeNull();
    expect(parseWidgetMessage({ ...state, unread: 1.5 })).toBeNull();
    expect(parseWidgetMessage({ ...state, unread: '3' })).toBeNull();
    expect(parseWidgetMessage({ ...state, unread: 1, source: 'x' })).toBeNull();
  });
});

describe('parseApiCall', () => {
  it('takes identify with {token} or a bare token', () => {
    expect(parseApiCall('identify', { token: JWT })).toEqual({ name: 'identify', token: JWT });
    expect(parseApiCall('identify', JWT)).toEqual({ name: 'identify', token: JWT });
    expect(parseApiCall('identify', {})).toBeNull();
  });

  it('takes on("unread", fn) only with a function', () => {
    const fn = () => undefined;
    expect(parseApiCall('on', 'unread', fn)).toEqual({ name: 'on-unread', listener: fn });
    expect(parseApiCall('on', 'unread')).toBeNull();
    expect(parseApiCall('on', 'message', fn)).toBeNull();
  });

  it('takes the simple commands and refuses the rest', () => {
    for (const name of ['logout', 'open', 'close', 'toggle'])
      expect(parseApiCall(name, undefined)).toEqual({ name });
    expect(parseApiCall('destroy', undefined)).toBeNull();
  });
});

describe('looksLikeJwt', () => {
  it('wants three base64url parts (an unsigned one has an empty third)', () => {
    expect(looksLikeJwt(JWT)).toBe(true);
    expect(looksLikeJwt('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')).toBe(true);
    expect(looksLikeJwt('a.b')).toBe(false);
    expect(looksLikeJwt('a.b.c<script>')).toBe(false);
    expect(looksLikeJwt(`a.${'b'.repeat(20_000)}.c`)).toBe(false);
  });
});

describe('frame options', () => {
  it('carries a valid theme, colour and language in the address, and reads them back', () => {
    const options = parseFrameOptions('dark', '#0A7', 'de-AT');
    expect(options).toEqual({ theme: 'dark', color: '#00aa77', locale: 'de-AT' });
    expect(frameParams(options)).toBe('&theme=dark&color=%2300aa77&locale=de-AT');
    expect(frameOptionsFrom(`?host=x${frameParams(options)}`)).toEqual(options);
    expect(frameOptionsFrom('?locale=ar')).toEqual({ theme: null, color: null, locale: 'ar' });
  });

  it('drops what is not a theme, a hex colour or a language we have, on both ends', () => {
    expect(parseAppearance('sepia', 'red')).toEqual({ theme: null, color: null });
    expect(parseFrameOptions(null, null, 'ja')).toEqual({ theme: null, color: null, locale: null });
    expect(frameParams({ theme: null, color: null, locale: null })).toBe('');
    // Someone opening widget.html with a crafted address gets the defaults, not their CSS.
    expect(
      frameOptionsFrom('?theme=dark;x&color=%23fff%3Bbackground:url(//evil)&locale=de;x'),
    ).toEqual({ theme: null, color: null, locale: null });
  });
});
