/** The Team page: the queue and each member's load; for admins, invites, roles, capacity, settings. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../shared/api/client';
import {
  createInvite,
  fetchTeam,
  listInvites,
  saveSettings,
  setActive,
  updateAgent,
  waitLabel,
  withdrawInvite,
  type Agent,
  type Invite,
  type NewInvite,
  type Role,
  type TeamOverview,
} from '../../shared/api/team';
import type { SocketConnection } from '../../shared/socket/connection';
import { TextField } from '../../shared/ui/TextField';
import { formatDate, t, tp, type MessageKey } from '../../shared/i18n/i18n';
import { PageRegion } from '../PageRegion';

const REFRESH_MS = 15_000;

const errorText = (e: unknown, fallback: string) => (e instanceof Error ? e.message : fallback);

/** Loads the team now, on every team or assignment event, and every few seconds (waits grow). */
export function useTeam(api: ApiClient, connection: SocketConnection | null) {
  const [team, setTeam] = useState<TeamOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchTeam(api)
      .then((t) => {
        setTeam(t);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e, t('team.couldNotLoad'))));
  }, [api]);
  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    const offs = connection
      ? [
          connection.on('team_agent_updated', load),
          connection.on('support_chat_assigned', load),
          connection.on('support_chat_status_updated', load),
        ]
      : [];
    return () => {
      clearInterval(timer);
      offs.forEach((off) => off());
    };
  }, [connection, load]);
  return { team, error, reload: load };
}

export function TeamPage({
  api,
  connection,
}: {
  api: ApiClient;
  connection: SocketConnection | null;
}) {
  const { team, error, reload } = useTeam(api, connection);
  const isAdmin = team?.me.role === 'admin';
  return (
    <PageRegion className="scd-team" labelledBy="scd-team-title">
      <div className="scd-stats__head">
        <h1 id="scd-team-title">{t('dash.nav.team')}</h1>
      </div>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      {!team && !error && <p className="scd-loading">{t('team.loading')}</p>}
      {team && (
        <>
          <QueueSummary team={team} />
          <MembersTable api={api} team={team} isAdmin={isAdmin} onChanged={reload} />
          {isAdmin ? (
            <>
              <SettingsForm api={api} team={team} onChanged={reload} />
              <InvitesSection api={api} />
            </>
          ) : (
            <p className="scd-card__note">{t('team.onlyAdmins')}</p>
          )}
        </>
      )}
    </PageRegion>
  );
}

function QueueSummary({ team }: { team: TeamOverview }) {
  const { queue, settings } = team;
  return (
    <section className="scd-card" aria-labelledby="scd-queue-title">
      <h2 id="scd-queue-title">{t('team.queue')}</h2>
      <p data-testid="queue-summary">
        {queue.length === 0
          ? t('team.noneWaiting')
          : tp('team.waiting', queue.length, { oldest: waitLabel(queue.oldestWaitMs) })}
      </p>
      <p className="scd-card__note">
        {settings.autoAssign
          ? t('team.autoOn', { capacity: settings.defaultCapacity })
          : t('team.autoOff')}
      </p>
    </section>
  );
}

const AVAILABILITY_LABEL = {
  online: 'dash.availability.online',
  away: 'dash.availability.away',
  offline: 'team.offline',
} as const satisfies Record<string, MessageKey>;

function MembersTable({
  api,
  team,
  isAdmin,
  onChanged,
}: {
  api: ApiClient;
  team: TeamOverview;
  isAdmin: boolean;
  onChanged: () => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const run = (action: Promise<unknown>, done: string) => {
    setMessage(null);
    action
      .then(() => {
        setMessage(done);
        onChanged();
      })
      .catch((e: unknown) => setMessage(errorText(e, t('team.failed'))));
  };
  return (
    <section className="scd-card scd-card--wide" aria-labelledby="scd-members-title">
      <h2 id="scd-members-title">{t('team.members')}</h2>
      <div className="scd-table-wrap">
        <table className="scd-table">
          <thead>
            <tr>
              <th scope="col">{t('person.name')}</th>
              <th scope="col">{t('team.role')}</th>
              <th scope="col">{t('badge.status')}</th>
              <th scope="col">{t('stats.chats')}</th>
              {isAdmin && <th scope="col">{t('team.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {team.agents.map((a) => (
              <MemberRow
                key={`${a._id}:${a.capacity}`}
                api={api}
                agent={a}
                me={team.me}
                isAdmin={isAdmin}
                run={run}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="scd-card__note" role="status">
        {message ?? ''}
      </p>
    </section>
  );
}

function MemberRow({
  api,
  agent,
  me,
  isAdmin,
  run,
}: {
  api: ApiClient;
  agent: Agent;
  me: Agent;
  isAdmin: boolean;
  run: (action: Promise<unknown>, done: string) => void;
}) {
  const [capacity, setCapacity] = useState(String(agent.capacity));
  const name = agent.fullName || agent.email;
  return (
    <tr className={agent.active ? undefined : 'scd-table__inactive'}>
      <th scope="row">
        {name}
        {agent._id === me._id && ` ${t('team.youMark')}`}
        <span className="scd-table__sub">{agent.email}</span>
      </th>
      <td>
        {isAdmin && agent.active ? (
          <label>
            <span className="sc-visually-hidden">{t('team.roleOf', { name })}</span>
            <select
              value={agent.role}
              onChange={(e) =>
                run(
                  updateAgent(api, agent._id, { role: e.target.value as Role }),
                  t(e.target.value === 'admin' ? 'team.nowAdmin' : 'team.nowAgent', { name }),
                )
              }
            >
              <option value="agent">{t('team.agent')}</option>
              <option value="admin">{t('team.admin')}</option>
            </select>
          </label>
        ) : agent.role === 'admin' ? (
          t('team.admin')
        ) : (
          t('team.agent')
        )}
      </td>
      <td>
        {agent.active ? (
          <span className={`scd-availability scd-availability--${agent.availability}`}>
            {t(AVAILABILITY_LABEL[agent.availability])}
          </span>
        ) : (
          t('team.deactivated')
        )}
      </td>
      <td>{t('team.load', { load: agent.load, capacity: agent.capacity })}</td>
      {isAdmin && (
        <td className="scd-table__actions">
          {agent.active && (
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                run(
                  updateAgent(api, agent._id, { capacity: Number(capacity) }),
                  t('team.capacitySet', { name, capacity: Number(capacity) }),
                );
              }}
            >
              <label>
                <span className="sc-visually-hidden">{t('team.capacityOf', { name })}</span>
                <input
                  className="sc-input scd-capacity"
                  type="number"
                  min={0}
                  max={100}
                  value={capacity}
                  onChange={(e) => setCapacity(e.target.value)}
                />
              </label>
              <button type="submit" className="sc-btn sc-btn--ghost">
                {t('team.set')}
                <span className="sc-visually-hidden"> {t('team.capacityOf', { name })}</span>
              </button>
            </form>
          )}
          {agent._id !== me._id && (
            <button
              type="button"
              className="sc-btn sc-btn--ghost"
              onClick={() =>
                run(
                  setActive(api, agent._id, !agent.active),
                  agent.active
                    ? t('team.deactivatedDone', { name })
                    : t('team.reactivatedDone', { name }),
                )
              }
            >
              {agent.active ? t('team.deactivate') : t('team.reactivate')}
              <span className="sc-visually-hidden"> {name}</span>
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

function SettingsForm({
  api,
  team,
  onChanged,
}: {
  api: ApiClient;
  team: TeamOverview;
  onChanged: () => void;
}) {
  const [autoAssign, setAutoAssign] = useState(team.settings.autoAssign);
  const [capacity, setCapacity] = useState(String(team.settings.defaultCapacity));
  const [message, setMessage] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    saveSettings(api, { autoAssign, defaultCapacity: Number(capacity) })
      .then(() => {
        setMessage(t('team.saved'));
        onChanged();
      })
      .catch((err: unknown) => setMessage(errorText(err, t('team.couldNotSave'))));
  };
  return (
    <section className="scd-card" aria-labelledby="scd-settings-title">
      <h2 id="scd-settings-title">{t('team.assignment')}</h2>
      <form onSubmit={submit} className="scd-form">
        <label className="scd-check">
          <input
            type="checkbox"
            checked={autoAssign}
            onChange={(e) => setAutoAssign(e.target.checked)}
          />
          {t('team.autoAssign')}
        </label>
        <TextField
          label={t('team.capacityLabel')}
          type="number"
          min={0}
          max={100}
          value={capacity}
          onChange={setCapacity}
        />
        <button type="submit" className="sc-btn">
          {t('team.save')}
        </button>
        <p className="scd-card__note" role="status">
          {message ?? ''}
        </p>
      </form>
    </section>
  );
}

function InvitesSection({ api }: { api: ApiClient }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [created, setCreated] = useState<NewInvite | null>(null);
  const [invites, setInvites] = useState<Invite[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    listInvites(api)
      .then(setInvites)
      .catch((e: unknown) => setMessage(errorText(e, t('team.invitesFailed'))));
  }, [api]);
  useEffect(load, [load]);
  const link = created ? `${window.location.origin}${created.path}` : '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    createInvite(api, email, role)
      .then((invite) => {
        setCreated(invite);
        setEmail('');
        load();
      })
      .catch((err: unknown) => setMessage(errorText(err, t('team.inviteFailed'))));
  };
  const copy = () => {
    void navigator.clipboard
      ?.writeText(link)
      .then(() => setMessage(t('team.copied')))
      .catch(() => setMessage(t('team.copyByHand')));
  };
  return (
    <section className="scd-card scd-card--wide" aria-labelledby="scd-invite-title">
      <h2 id="scd-invite-title">{t('team.invite')}</h2>
      <form onSubmit={submit} className="scd-form scd-form--inline">
        <TextField
          label={t('field.email')}
          type="email"
          required
          value={email}
          onChange={setEmail}
        />
        <label className="sc-field">
          {t('team.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="agent">{t('team.agentHint')}</option>
            <option value="admin">{t('team.adminHint')}</option>
          </select>
        </label>
        <button type="submit" className="sc-btn">
          {t('team.createLink')}
        </button>
      </form>
      {created && (
        <div className="scd-invite-link">
          <label className="sc-field">
            {t('team.linkFor', {
              email: created.email,
              date: formatDate(created.expiresAt, { dateStyle: 'medium' }),
            })}
            <input readOnly value={link} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" className="sc-btn sc-btn--ghost" onClick={copy}>
            {t('team.copy')}
          </button>
        </div>
      )}
      <p className="scd-card__note" role="status">
        {message ?? ''}
      </p>
      {invites.length > 0 && (
        <ul className="scd-invites" aria-label={t('team.invites')}>
          {invites.map((i) => (
            <li key={i._id}>
              {i.email} · {t(i.role === 'admin' ? 'team.admin' : 'team.agent')} ·{' '}
              {t(`team.inviteState.${i.state}`)}
              {i.state === 'pending' && (
                <button
                  type="button"
                  className="sc-btn sc-btn--ghost"
                  onClick={() =>
                    void withdrawInvite(api, i._id)
                      .then(() => {
                        setMessage(t('team.withdrawn', { email: i.email }));
                        load();
                      })
                      .catch((e: unknown) => setMessage(errorText(e, t('team.withdrawFailed'))))
                  }
                >
                  {t('team.withdraw')}
                  <span className="sc-visually-hidden">
                    {' '}
                    {t('team.inviteFor', { email: i.email })}
                  </span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
