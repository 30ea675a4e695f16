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
      .catch((e: unknown) => setError(errorText(e, 'Could not load the team.')));
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
    <main className="scd-stats scd-team" aria-labelledby="scd-team-title">
      <div className="scd-stats__head">
        <h1 id="scd-team-title">Team</h1>
      </div>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      {!team && !error && <p className="scd-loading">Loading the team…</p>}
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
            <p className="scd-card__note">
              Only admins of the team can invite people or change roles.
            </p>
          )}
        </>
      )}
    </main>
  );
}

function QueueSummary({ team }: { team: TeamOverview }) {
  const { queue, settings } = team;
  return (
    <section className="scd-card" aria-labelledby="scd-queue-title">
      <h2 id="scd-queue-title">Queue</h2>
      <p data-testid="queue-summary">
        {queue.length === 0
          ? 'No chat is waiting for an agent.'
          : `${queue.length} ${queue.length === 1 ? 'chat waits' : 'chats wait'} for an agent; the oldest for ${waitLabel(queue.oldestWaitMs)}.`}
      </p>
      <p className="scd-card__note">
        {settings.autoAssign
          ? `New chats go automatically to the online agent with the fewest chats (up to ${settings.defaultCapacity} each unless set otherwise).`
          : 'Automatic assignment is off: chats wait until someone assigns them.'}
      </p>
    </section>
  );
}

const AVAILABILITY_LABEL = { online: 'Online', away: 'Away', offline: 'Offline' } as const;

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
      .catch((e: unknown) => setMessage(errorText(e, 'That did not work.')));
  };
  return (
    <section className="scd-card scd-card--wide" aria-labelledby="scd-members-title">
      <h2 id="scd-members-title">Members</h2>
      <div className="scd-table-wrap">
        <table className="scd-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Chats</th>
              {isAdmin && <th scope="col">Actions</th>}
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
        {agent._id === me._id && ' (you)'}
        <span className="scd-table__sub">{agent.email}</span>
      </th>
      <td>
        {isAdmin && agent.active ? (
          <label>
            <span className="sc-visually-hidden">Role of {name}</span>
            <select
              value={agent.role}
              onChange={(e) =>
                run(
                  updateAgent(api, agent._id, { role: e.target.value as Role }),
                  `${name} is now ${e.target.value === 'admin' ? 'an admin' : 'an agent'}.`,
                )
              }
            >
              <option value="agent">Agent</option>
              <option value="admin">Admin</option>
            </select>
          </label>
        ) : agent.role === 'admin' ? (
          'Admin'
        ) : (
          'Agent'
        )}
      </td>
      <td>
        {agent.active ? (
          <span className={`scd-availability scd-availability--${agent.availability}`}>
            {AVAILABILITY_LABEL[agent.availability]}
          </span>
        ) : (
          'Deactivated'
        )}
      </td>
      <td>
        {agent.load} of {agent.capacity}
      </td>
      {isAdmin && (
        <td className="scd-table__actions">
          {agent.active && (
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                run(
                  updateAgent(api, agent._id, { capacity: Number(capacity) }),
                  `${name} now takes up to ${capacity} chats.`,
                );
              }}
            >
              <label>
                <span className="sc-visually-hidden">Capacity of {name}</span>
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
                Set<span className="sc-visually-hidden"> capacity of {name}</span>
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
                    ? `${name} was deactivated and signed out everywhere; their chats went back to the queue.`
                    : `${name} can sign in again.`,
                )
              }
            >
              {agent.active ? 'Deactivate' : 'Reactivate'}
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
        setMessage('Settings saved.');
        onChanged();
      })
      .catch((err: unknown) => setMessage(errorText(err, 'Could not save the settings.')));
  };
  return (
    <section className="scd-card" aria-labelledby="scd-settings-title">
      <h2 id="scd-settings-title">Assignment</h2>
      <form onSubmit={submit} className="scd-form">
        <label className="scd-check">
          <input
            type="checkbox"
            checked={autoAssign}
            onChange={(e) => setAutoAssign(e.target.checked)}
          />
          Assign new chats automatically
        </label>
        <TextField
          label="Chats per agent at most (unless set per agent)"
          type="number"
          min={0}
          max={100}
          value={capacity}
          onChange={setCapacity}
        />
        <button type="submit" className="sc-btn">
          Save
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
      .catch((e: unknown) => setMessage(errorText(e, 'Could not load the invites.')));
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
      .catch((err: unknown) => setMessage(errorText(err, 'Could not create the invite.')));
  };
  const copy = () => {
    void navigator.clipboard
      ?.writeText(link)
      .then(() => setMessage('Link copied. Send it to your colleague; it works once.'))
      .catch(() => setMessage('Select the link and copy it by hand.'));
  };
  return (
    <section className="scd-card scd-card--wide" aria-labelledby="scd-invite-title">
      <h2 id="scd-invite-title">Invite a colleague</h2>
      <form onSubmit={submit} className="scd-form scd-form--inline">
        <TextField label="Email" type="email" required value={email} onChange={setEmail} />
        <label className="sc-field">
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="agent">Agent (works chats)</option>
            <option value="admin">Admin (also manages the team)</option>
          </select>
        </label>
        <button type="submit" className="sc-btn">
          Create invite link
        </button>
      </form>
      {created && (
        <div className="scd-invite-link">
          <label className="sc-field">
            Invite link for {created.email} (works once, until{' '}
            {new Date(created.expiresAt).toLocaleDateString()})
            <input readOnly value={link} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" className="sc-btn sc-btn--ghost" onClick={copy}>
            Copy link
          </button>
        </div>
      )}
      <p className="scd-card__note" role="status">
        {message ?? ''}
      </p>
      {invites.length > 0 && (
        <ul className="scd-invites" aria-label="Invites">
          {invites.map((i) => (
            <li key={i._id}>
              {i.email} · {i.role} · {i.state}
              {i.state === 'pending' && (
                <button
                  type="button"
                  className="sc-btn sc-btn--ghost"
                  onClick={() =>
                    void withdrawInvite(api, i._id)
                      .then(() => {
                        setMessage(`The invite for ${i.email} was withdrawn.`);
                        load();
                      })
                      .catch((e: unknown) => setMessage(errorText(e, 'Could not withdraw it.')))
                  }
                >
                  Withdraw<span className="sc-visually-hidden"> the invite for {i.email}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
