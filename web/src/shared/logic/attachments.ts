/**
 * What a message may carry, checked in the browser before anything is uploaded (the server
 * checks again): the files' types and sizes, how many, and how long a message stays editable.
 */
import { formatList, formatLocale, t, tp } from '../i18n/i18n';

/** GET /widget/config → messages: the server's limits. */
export interface MessageRules {
  maxAttachmentBytes: number;
  maxAttachments: number;
  attachmentTypes: string[];
  editWindowSeconds: number;
}

/** The server's defaults, used until (or if) its own rules arrive. */
export const DEFAULT_RULES: MessageRules = {
  maxAttachmentBytes: 10 * 1024 * 1024,
  maxAttachments: 10,
  attachmentTypes: [
    'application/json',
    'application/pdf',
    'application/zip',
    'image/gif',
    'image/jpeg',
    'image/png',
    'image/webp',
    'text/csv',
    'text/plain',
  ],
  editWindowSeconds: 15 * 60,
};

/** Some systems give no type for a file (or an odd one): the name tells the usual ones. */
const TYPE_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  json: 'application/json',
};

/** The file's content type as the server will judge it: the browser's, else from the name. */
export function contentTypeOf(file: { name: string; type: string }): string {
  const given = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (given && given !== 'application/octet-stream') {
    // Windows reports CSV files as Excel's type; the name is the better witness then.
    if (given !== 'application/vnd.ms-excel') return given;
  }
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  return TYPE_BY_EXTENSION[ext] ?? given;
}

export function isImage(contentType: string): boolean {
  return contentType.startsWith('image/');
}

/** "12 kB", "3.4 MB", "512 bytes", in the reader's language (the page's, unless given). */
export function humanSize(bytes: number, locale: string = formatLocale()): string {
  const units = [
    ['byte', 1],
    ['kilobyte', 1024],
    ['megabyte', 1024 ** 2],
    ['gigabyte', 1024 ** 3],
  ] as const;
  let unit: (typeof units)[number] = units[0];
  for (const u of units) if (bytes >= u[1]) unit = u;
  const value = bytes / unit[1];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: unit[0],
    unitDisplay: unit[0] === 'byte' ? 'long' : 'short',
    maximumFractionDigits: value < 10 && unit[0] !== 'byte' ? 1 : 0,
  }).format(value);
}

/** A kind sentence why the file cannot be sent, or null when it may be uploaded. */
export function refuseFile(
  file: { name: string; type: string; size: number },
  rules: MessageRules,
  alreadyAttached: number,
): string | null {
  const name = file.name;
  if (alreadyAttached >= rules.maxAttachments) {
    return tp('files.tooMany', rules.maxAttachments, { name });
  }
  const type = contentTypeOf(file);
  if (!rules.attachmentTypes.includes(type)) {
    return t('files.wrongType', { name, types: describeTypes(rules.attachmentTypes) });
  }
  if (file.size > rules.maxAttachmentBytes) {
    return t('files.tooLarge', {
      name,
      size: humanSize(file.size),
      max: humanSize(rules.maxAttachmentBytes),
    });
  }
  if (file.size === 0) return t('files.empty', { name });
  return null;
}

/** "images (PNG, JPEG…), PDF, text…" is long; a short list a person can act on. */
export function describeTypes(types: string[]): string {
  const names = new Set<string>();
  for (const type of types) {
    if (type.startsWith('image/')) names.add(t('files.type.images'));
    else if (type === 'application/pdf') names.add(t('files.type.pdf'));
    else if (type === 'application/zip') names.add(t('files.type.zip'));
    else if (type === 'text/csv') names.add(t('files.type.csv'));
    else if (type === 'text/plain') names.add(t('files.type.text'));
    else if (type === 'application/json') names.add(t('files.type.json'));
    else names.add(type);
  }
  return formatList([...names]);
}

/** The `accept` attribute of the file picker: the types and their usual extensions. */
export function acceptAttribute(rules: MessageRules): string {
  const extensions = Object.entries(TYPE_BY_EXTENSION)
    .filter(([, type]) => rules.attachmentTypes.includes(type))
    .map(([ext]) => `.${ext}`);
  return [...rules.attachmentTypes, ...extensions].join(',');
}

/** When the sender's Edit action closes (epoch ms). */
export function editDeadline(createdAt: string, rules: Pick<MessageRules, 'editWindowSeconds'>) {
  return Date.parse(createdAt) + rules.editWindowSeconds * 1000;
}

/** Whether the viewer may still edit the message: their own, and within the window. */
export function canEdit(
  message: { createdAt: string; sender: { _id: string } },
  viewerId: string | null | undefined,
  rules: Pick<MessageRules, 'editWindowSeconds'>,
  now: number,
): boolean {
  return (
    !!viewerId && message.sender._id === viewerId && now < editDeadline(message.createdAt, rules)
  );
}

/**
 * The next moment an Edit action on screen closes, so the view re-renders then (null: none
 * open).
 */
export function nextEditClose(
  messages: readonly { createdAt: string; sender: { _id: string } }[],
  viewerId: string | null | undefined,
  rules: Pick<MessageRules, 'editWindowSeconds'>,
  now: number,
): number | null {
  let next: number | null = null;
  for (const m of messages) {
    if (!canEdit(m, viewerId, rules, now)) continue;
    const end = editDeadline(m.createdAt, rules);
    if (next === null || end < next) next = end;
  }
  return next;
}
