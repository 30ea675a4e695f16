/**
 * Telling an admin about new user messages: a short tone made with WebAudio (no sound file to
 * ship), a browser notification while the tab is hidden, and the unread count in the title.
 */

export { playTone, unlockAudioOnFirstGesture } from '../../shared/ui/tone';

export type NotificationPermissionState = NotificationPermission | 'unsupported';

export function notificationPermission(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export async function requestNotificationPermission(): Promise<NotificationPermissionState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/** Shown only while the tab is hidden: in the visible tab the sidebar already shows it. */
export function notifyIfHidden(
  title: string,
  body: string,
  tag: string,
  onClick: () => void,
): void {
  if (document.visibilityState === 'visible' || notificationPermission() !== 'granted') return;
  const shown = new Notification(title, { body: body.slice(0, 140), tag });
  shown.onclick = () => {
    window.focus();
    onClick();
    shown.close();
  };
}
