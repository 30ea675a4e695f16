/**
 * The team's saved replies and labels for this dashboard, loaded once and fetched again when
 * another dashboard changes them (staff-only socket events).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../shared/api/client';
import { listLabels, listSavedReplies, type SavedReply } from '../../shared/api/inbox';
import type { SocketConnection } from '../../shared/socket/connection';
import type { Label } from '../../shared/types';
import { t } from '../../shared/i18n/i18n';

export interface Inbox {
  replies: SavedReply[];
  labels: Label[];
  /** Why they could not be loaded, as a sentence; null when they were. */
  error: string | null;
  loaded: boolean;
  reload: () => void;
}

export function useInbox(api: ApiClient, connection: Pick<SocketConnection, 'on'> | null): Inbox {
  const [replies, setReplies] = useState<SavedReply[]>([]);
  const [labels, setLabels] = useState<Label[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  const loadReplies = useCallback(() => {
    listSavedReplies(api)
      .then((r) => {
        setReplies(r);
        setError(null);
      })
      .catch(() => setError(t('inbox.repliesFailed')))
      .finally(() => setLoaded(true));
  }, [api]);
  const loadLabels = useCallback(() => {
    listLabels(api)
      .then(setLabels)
      .catch(() => setError(t('inbox.labelsFailed')));
  }, [api]);

  useEffect(() => {
    loadReplies();
    loadLabels();
  }, [loadReplies, loadLabels]);

  useEffect(() => {
    if (!connection) return;
    const offs = [
      connection.on('saved_replies_changed', () => loadReplies()),
      connection.on('labels_changed', () => loadLabels()),
    ];
    return () => offs.forEach((off) => off());
  }, [connection, loadReplies, loadLabels]);

  const reload = useCallback(() => {
    loadReplies();
    loadLabels();
  }, [loadReplies, loadLabels]);
  return { replies, labels, error, loaded, reload };
}
