/**
 * Who the agent is talking to, beside the conversation: name, email (verified or not), kind,
 * the host site's user id, where and how they chat, and their earlier conversations. A column on
 * wide screens, a collapsed section under the conversation header on narrow ones.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { fetchPerson } from '../../shared/api/chats';
import type { ApiClient } from '../../shared/api/client';
import type { Person } from '../../shared/types';
import { safeUrl } from '../../shared/ui/safeUrl';
import { Link } from '../router';
import { StatusBadge } from './Badges';
import { emailStatus, kindLabel, localTime, pageLabel, shortDate } from './person';
import { t } from '../../shared/i18n/i18n';

const CLOCK_TICK_MS = 30_000;
/** From this width the person panel is a column of its own. */
export const WIDE_PERSON_QUERY = '(min-width: 1100px)';

type Load = { person: Person | null; error: string | null; chatId: string };

function usePerson(api: ApiClient, chatId: string): Load {
  const [load, setLoad] = useState<Load>({ person: null, error: null, chatId });
  useEffect(() => {
    let cancelled = false;
    fetchPerson(api, chatId)
      .then((person) => !cancelled && setLoad({ person, error: null, chatId }))
      .catch(
        (e: unknown) =>
          !cancelled &&
          setLoad({
            person: null,
            error: t('person.couldNotLoad', {
              reason: e instanceof Error ? e.message : t('person.unknownError'),
            }),
            chatId,
          }),
      );
    return () => {
      cancelled = true;
    };
  }, [api, chatId]);
  // A previous chat's person is never shown for this one.
  return load.chatId === chatId ? load : { person: null, error: null, chatId };
}

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

interface Props {
  api: ApiClient;
  chatId: string;
  /** A column beside the conversation, or a collapsed section inside it. */
  wide: boolean;
}

export function PersonPanel({ api, chatId, wide }: Props) {
  const { person, error } = usePerson(api, chatId);
  const name = person ? person.user.fullName || person.user.email || t('person.visitor') : null;
  const body = error ? (
    <p className="sc-error" role="alert">
      {error}
    </p>
  ) : person ? (
    <PersonDetails person={person} />
  ) : (
    <p className="scd-person__loading">{t('common.loading')}</p>
  );
  if (wide) {
    return (
      <aside className="scd-person scd-person--column" aria-labelledby="scd-person-title">
        <h2 id="scd-person-title" className="scd-person__title">
          {name ? t('person.about', { name }) : t('person.thisPerson')}
        </h2>
        {body}
      </aside>
    );
  }
  return (
    <details className="scd-person scd-person--section">
      <summary className="scd-person__title">
        {name ? t('person.about', { name }) : t('person.thisPerson')}
        {person && <span className="scd-person__kind"> · {kindLabel(person.user.kind)}</span>}
      </summary>
      {body}
    </details>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function PersonDetails({ person }: { person: Person }) {
  const now = useNow();
  const { user, context, earlierChats } = person;
  const verification = emailStatus(user);
  const pageHref = context?.pageUrl ? safeUrl(context.pageUrl) : null;
  const time = localTime(context?.timeZone, now, -now.getTimezoneOffset());
  return (
    <>
      <dl className="scd-person__facts">
        <Row term={t('person.name')}>
          {user.fullName || <span className="scd-muted">{t('person.notGiven')}</span>}
        </Row>
        <Row term={t('person.email')}>
          {user.email ? (
            <>
              <span className="scd-person__email">{user.email}</span>{' '}
              <span
                className={`scd-badge ${user.emailVerified ? 'scd-person__verified' : 'scd-person__unverified'}`}
              >
                {user.emailVerified ? '✓ ' : ''}
                {verification}
              </span>
            </>
          ) : (
            <span className="scd-muted">{t('person.notGiven')}</span>
          )}
        </Row>
        <Row term={t('person.kind')}>{kindLabel(user.kind)}</Row>
        {user.externalId && (
          <Row term={t('person.hostUserId')}>
            <code className="scd-person__id">{user.externalId}</code>
          </Row>
        )}
        {context?.pageUrl && (
          <Row term={t('person.page')}>
            {pageHref ? (
              <a href={pageHref} target="_blank" rel="noopener noreferrer">
                {pageLabel(context.pageUrl, context.pageTitle)}
              </a>
            ) : (
              pageLabel(context.pageUrl, context.pageTitle)
            )}
            {context.pageTitle && <span className="scd-person__url">{context.pageUrl}</span>}
          </Row>
        )}
        {context?.browser && <Row term={t('person.browser')}>{context.browser}</Row>}
        {context?.language && <Row term={t('person.language')}>{context.language}</Row>}
        {context?.timeZone && (
          <Row term={t('person.localTime')}>
            {time ?? context.timeZone}
            {time && <span className="scd-person__url">{context.timeZone}</span>}
          </Row>
        )}
      </dl>
      {!context && <p className="scd-muted">{t('person.noPage')}</p>}
      <h3 className="scd-person__subtitle">{t('person.earlier')}</h3>
      {earlierChats.length === 0 ? (
        <p className="scd-muted">{t('person.none')}</p>
      ) : (
        <ul className="scd-person__chats">
          {earlierChats.map((c) => (
            <li key={c._id}>
              <Link to={{ name: 'chats', chatId: c._id }}>
                {c.subject || t('person.noSubject')}
              </Link>
              <span className="scd-person__chat-meta">
                <StatusBadge status={c.status} /> {shortDate(c.lastMessageAt ?? c.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
