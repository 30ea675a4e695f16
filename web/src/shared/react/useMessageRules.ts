/** The server's message rules (file limits, edit window), fetched once per page. */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { DEFAULT_RULES, type MessageRules } from '../logic/attachments';
import type { WidgetConfig } from '../types';

let known: Promise<MessageRules> | null = null;

/** The widget already read its config: no second request for the same answer. */
export function rememberMessageRules(rules: MessageRules | undefined): void {
  if (rules) known = Promise.resolve(rules);
}

export function useMessageRules(api: ApiClient): MessageRules {
  const [rules, setRules] = useState<MessageRules>(DEFAULT_RULES);
  useEffect(() => {
    let live = true;
    // The widget's public config carries them; the dashboard reads the same answer.
    known ??= api
      .request<WidgetConfig>('GET', '/widget/config', { auth: false })
      .then((c) => c.messages ?? DEFAULT_RULES)
      .catch(() => {
        known = null; // try again next time; the defaults are the server's own meanwhile
        return DEFAULT_RULES;
      });
    void known.then((r) => live && setRules(r));
    return () => {
      live = false;
    };
  }, [api]);
  return rules;
}
