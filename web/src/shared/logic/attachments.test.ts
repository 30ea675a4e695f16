import { afterEach, describe, expect, it } from 'vitest';
import { setMessages } from '../i18n/i18n';
import { commonAr } from '../i18n/common/ar';
import { commonDe } from '../i18n/common/de';
import { commonEn } from '../i18n/common/en';
import {
  DEFAULT_RULES,
  acceptAttribute,
  canEdit,
  contentTypeOf,
  humanSize,
  nextEditClose,
  refuseFile,
} from './attachments';

afterEach(() => setMessages('en', commonEn));

const rules = { ...DEFAULT_RULES, maxAttachmentBytes: 1024 * 1024, maxAttachments: 3 };

describe('humanSize', () => {
  it('reads like a person would say it', () => {
    expect(humanSize(512, 'en')).toBe('512 bytes');
    expect(humanSize(1, 'en')).toBe('1 byte');
    expect(humanSize(1536, 'en')).toBe('1.5 kB');
    expect(humanSize(15 * 1024, 'en')).toBe('15 kB');
    expect(humanSize(10 * 1024 * 1024, 'en')).toBe('10 MB');
    expect(humanSize(3.25 * 1024 ** 3, 'en')).toBe('3.3 GB');
  });

  it('follows the locale', () => {
    expect(humanSize(1536, 'de')).toBe('1,5 kB');
  });
});

describe('refuseFile', () => {
  it('accepts an allowed file within the size', () => {
    expect(refuseFile({ name: 'a.png', type: 'image/png', size: 2000 }, rules, 0)).toBeNull();
  });

  it('refuses a type the server does not take, naming what it takes', () => {
    const why = refuseFile(
      { name: 'run.exe', type: 'application/x-msdownload', size: 10 },
      rules,
      0,
    );
    expect(why).toContain('run.exe cannot be sent');
    expect(why).toContain('images');
    expect(why).toContain('PDFs');
  });

  it('refuses a file over the limit with both sizes', () => {
    expect(
      refuseFile({ name: 'big.pdf', type: 'application/pdf', size: 3 * 1024 * 1024 }, rules, 0),
    ).toBe('big.pdf is 3 MB; files can be at most 1 MB.');
  });

  it('refuses a file past the per-message count and an empty file', () => {
    expect(refuseFile({ name: 'a.png', type: 'image/png', size: 10 }, rules, 3)).toContain(
      'at most 3 files',
    );
    expect(refuseFile({ name: 'a.txt', type: 'text/plain', size: 0 }, rules, 0)).toBe(
      'a.txt is empty.',
    );
  });

  it('speaks the page’s language, its sizes and plurals included', () => {
    setMessages('de', commonEn, commonDe, 'de-DE');
    expect(
      refuseFile({ name: 'big.pdf', type: 'application/pdf', size: 1.5 * 1024 * 1024 }, rules, 0),
    ).toBe('big.pdf ist 1,5 MB groß; Dateien dürfen höchstens 1 MB groß sein.');
    expect(
      refuseFile({ name: 'run.exe', type: 'application/x-msdownload', size: 1 }, rules, 0),
    ).toBe(
      'run.exe kann nicht gesendet werden: Erlaubt sind JSON, PDFs, ZIP-Archive, Bilder, CSV und Textdateien.',
    );
    setMessages('ar', commonEn, commonAr);
    expect(
      refuseFile({ name: 'a.png', type: 'image/png', size: 1 }, { ...rules, maxAttachments: 2 }, 2),
    ).toBe('يمكن أن تحمل الرسالة ملفين على الأكثر؛ أرسلهما أولًا ثم أرفق a.png.');
  });

  it('judges a file without a type by its name', () => {
    expect(contentTypeOf({ name: 'data.CSV', type: '' })).toBe('text/csv');
    expect(contentTypeOf({ name: 'data.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(contentTypeOf({ name: 'x.bin', type: '' })).toBe('');
    expect(refuseFile({ name: 'notes.txt', type: '', size: 5 }, rules, 0)).toBeNull();
  });

  it('offers the picker only the accepted types', () => {
    const accept = acceptAttribute({ ...rules, attachmentTypes: ['image/png'] });
    expect(accept).toBe('image/png,.png');
  });
});

describe('edit window', () => {
  const at = '2026-12-06T10:00:00.000Z';
  const start = Date.parse(at);
  const mine = { createdAt: at, sender: { _id: 'me' } };
  const window = { editWindowSeconds: 900 };

  it('lets the sender edit until the window closes', () => {
    expect(canEdit(mine, 'me', window, start + 899_999)).toBe(true);
    expect(canEdit(mine, 'me', window, start + 900_000)).toBe(false);
  });

  it('never offers to edit someone else’s message, or with nobody signed in', () => {
    expect(canEdit(mine, 'you', window, start)).toBe(false);
    expect(canEdit(mine, null, window, start)).toBe(false);
  });

  it('knows when the next Edit action closes', () => {
    const later = { createdAt: '2026-12-06T10:05:00.000Z', sender: { _id: 'me' } };
    const theirs = { createdAt: '2026-12-06T09:59:00.000Z', sender: { _id: 'you' } };
    expect(nextEditClose([later, mine, theirs], 'me', window, start + 1000)).toBe(start + 900_000);
    expect(nextEditClose([later, mine], 'me', window, start + 900_000)).toBe(
      start + 300_000 + 900_000,
    );
    expect(nextEditClose([mine], 'me', window, start + 900_000)).toBeNull();
  });
});
