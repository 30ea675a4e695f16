/** Delivery state of one's own message: ✓ sent, ✓✓ read; spelled out for screen readers. */
import { t } from '../i18n/i18n';

export function Ticks({ read }: { read: boolean }) {
  return (
    <span
      className={read ? 'sc-ticks sc-ticks--read' : 'sc-ticks'}
      title={read ? t('message.read') : t('message.sent')}
    >
      <span aria-hidden="true">{read ? '✓✓' : '✓'}</span>
      <span className="sc-visually-hidden">{read ? t('message.read') : t('message.sent')}</span>
    </span>
  );
}
