/** "Email me a transcript", under a resolved or closed chat, when the server sends email. */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../shared/api/client';
import { emailStatus, requestTranscript } from '../shared/api/email';
import { t, type MessageKey } from '../shared/i18n/i18n';

type State = 'idle' | 'sending' | 'sent' | 'already' | 'failed';

const SENTENCE = {
  sent: 'transcript.sent',
  already: 'transcript.already',
  failed: 'transcript.failed',
} as const satisfies Record<Exclude<State, 'idle' | 'sending'>, MessageKey>;

export function TranscriptButton({ api, chatId }: { api: ApiClient; chatId: string }) {
  const [enabled, setEnabled] = useState(false);
  const [state, setState] = useState<State>('idle');

  useEffect(() => {
    let live = true;
    emailStatus(api)
      .then((s) => live && setEnabled(s.enabled))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);

  if (!enabled) return null;
  const request = () => {
    setState('sending');
    requestTranscript(api, chatId)
      .then((r) => setState(r.queued ? 'sent' : 'already'))
      .catch(() => setState('failed'));
  };
  return (
    <div className="scw-transcript">
      {(state === 'idle' || state === 'sending' || state === 'failed') && (
        <button
          type="button"
          className="sc-btn sc-btn--ghost"
          disabled={state === 'sending'}
          onClick={request}
        >
          {state === 'sending' ? t('transcript.requesting') : t('transcript.request')}
        </button>
      )}
      <p role="status" className="scw-transcript__note">
        {state === 'idle' || state === 'sending' ? '' : t(SENTENCE[state])}
      </p>
    </div>
  );
}
