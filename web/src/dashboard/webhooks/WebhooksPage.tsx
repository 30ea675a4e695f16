/** Webhooks: the endpoints admins registered, a form to add one, and each one's recent deliveries. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../shared/api/client';
import {
  createWebhook,
  deleteWebhook,
  fetchDeliveries,
  listWebhooks,
  redeliver,
  updateWebhook,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '../../shared/api/webhooks';
import { TextField } from '../../shared/ui/TextField';
import { deliveryOutcome, shortTime } from './deliveryText';

function message(e: unknown, fallback: string): string {
  return e instanceof Error && e.message ? e.message : fallback;
}

export function WebhooksPage({ api }: { api: ApiClient }) {
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[] | null>(null);
  const [events, setEvents] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<WebhookEndpoint | null>(null);

  const load = useCallback(() => {
    listWebhooks(api)
      .then((r) => {
        setEndpoints(r.endpoints);
        setEvents(r.events);
        setError(null);
      })
      .catch((e: unknown) =>
        setError(message(e, 'Could not load the webhooks. Please try again.')),
      );
  }, [api]);

  useEffect(() => {
    load();
  }, [load]);

  return (
    <main className="scd-stats scd-hooks" aria-labelledby="scd-hooks-title">
      <div className="scd-stats__head">
        <h1 id="scd-hooks-title">Webhooks</h1>
      </div>
      <p className="scd-card__note">
        Your other systems hear about chats here: each event is sent as a signed POST, retried for a
        day until it is accepted.
      </p>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      {created?.secret && (
        <div className="scd-card scd-hooks__secret" role="status">
          <p>
            Webhook added. Keep this signing secret now; it is shown only once:{' '}
            <code>{created.secret}</code>
          </p>
          <button type="button" className="sc-btn sc-btn--ghost" onClick={() => setCreated(null)}>
            I have saved it
          </button>
        </div>
      )}
      <AddForm
        api={api}
        events={events}
        onAdded={(e) => {
          setCreated(e);
          load();
        }}
      />
      {endpoints === null && !error && <p>Loading webhooks…</p>}
      {endpoints?.length === 0 && (
        <p>No webhooks yet. Add one above to tell another system when chats start or change.</p>
      )}
      {endpoints?.map((e) => (
        <EndpointCard key={e._id} api={api} endpoint={e} onChanged={load} />
      ))}
    </main>
  );
}

function AddForm({
  api,
  events,
  onAdded,
}: {
  api: ApiClient;
  events: string[];
  onAdded: (e: WebhookEndpoint) => void;
}) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (chosen.length === 0) {
      setError('Choose at least one event.');
      return;
    }
    setBusy(true);
    createWebhook(api, { url: url.trim(), events: chosen, description: description.trim() })
      .then((e) => {
        setUrl('');
        setDescription('');
        setChosen([]);
        setError(null);
        onAdded(e);
      })
      .catch((e: unknown) => setError(message(e, 'Could not add the webhook.')))
      .finally(() => setBusy(false));
  };

  return (
    <form className="scd-card scd-hooks__form" onSubmit={submit} aria-labelledby="scd-hooks-add">
      <h2 id="scd-hooks-add">Add a webhook</h2>
      <TextField
        label="URL"
        type="url"
        required
        placeholder="https://crm.example.com/hooks/support"
        value={url}
        onChange={setUrl}
      />
      <TextField label="Description (optional)" value={description} onChange={setDescription} />
      <fieldset className="scd-hooks__events">
        <legend>Events</legend>
        {events.map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              checked={chosen.includes(name)}
              onChange={(ev) =>
                setChosen((c) => (ev.target.checked ? [...c, name] : c.filter((x) => x !== name)))
              }
            />{' '}
            {name}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="sc-btn" disabled={busy}>
        {busy ? 'Adding…' : 'Add webhook'}
      </button>
    </form>
  );
}

function EndpointCard({
  api,
  endpoint,
  onChanged,
}: {
  api: ApiClient;
  endpoint: WebhookEndpoint;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const listId = `scd-hook-${endpoint._id}`;

  const loadDeliveries = useCallback(() => {
    fetchDeliveries(api, endpoint._id)
      .then((r) => {
        setDeliveries(r.deliveries);
        setError(null);
      })
      .catch((e: unknown) => setError(message(e, 'Could not load the deliveries.')));
  }, [api, endpoint._id]);

  useEffect(() => {
    if (open) loadDeliveries();
  }, [open, loadDeliveries]);

  const act = (work: Promise<unknown>, done: string) =>
    work
      .then(() => {
        setNote(done);
        setError(null);
        onChanged();
        if (open) loadDeliveries();
      })
      .catch((e: unknown) => setError(message(e, 'That did not work. Please try again.')));

  return (
    <section className="scd-card scd-hooks__endpoint" aria-label={`Webhook ${endpoint.url}`}>
      <h2 className="scd-hooks__url">{endpoint.url}</h2>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p>
        {endpoint.isActive ? 'On' : 'Off'} · {endpoint.events.join(', ')}
      </p>
      <div className="scd-hooks__actions">
        <button
          type="button"
          className="sc-btn sc-btn--ghost"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide deliveries' : 'Show deliveries'}
        </button>
        <button
          type="button"
          className="sc-btn sc-btn--ghost"
          onClick={() =>
            void act(
              updateWebhook(api, endpoint._id, { isActive: !endpoint.isActive }),
              endpoint.isActive ? 'Turned off.' : 'Turned on.',
            )
          }
        >
          {endpoint.isActive ? 'Turn off' : 'Turn on'}
        </button>
        <button
          type="button"
          className="sc-btn sc-btn--ghost"
          onClick={() => void act(deleteWebhook(api, endpoint._id), 'Removed.')}
        >
          Remove
        </button>
      </div>
      <p role="status" className="scd-card__note">
        {note}
      </p>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      {open && (
        <div id={listId}>
          <div className="scd-hooks__head">
            <h3>Recent deliveries</h3>
            <button type="button" className="sc-btn sc-btn--ghost" onClick={loadDeliveries}>
              Refresh
            </button>
          </div>
          {deliveries === null && <p>Loading deliveries…</p>}
          {deliveries?.length === 0 && (
            <p>Nothing sent yet: deliveries appear with the next event.</p>
          )}
          {deliveries && deliveries.length > 0 && (
            <ul className="scd-hooks__deliveries">
              {deliveries.map((d) => (
                <li key={d._id}>
                  <span className="scd-hooks__event">{d.event ?? 'event'}</span>{' '}
                  <time dateTime={d.createdAt}>{shortTime(d.createdAt)}</time>
                  <span className="scd-hooks__outcome">{deliveryOutcome(d)}</span>
                  <button
                    type="button"
                    className="sc-btn sc-btn--ghost"
                    aria-label={`Redeliver ${d.event ?? 'event'} of ${shortTime(d.createdAt)}`}
                    onClick={() =>
                      void act(
                        redeliver(api, endpoint._id, d._id),
                        'Queued again; it goes out in a moment.',
                      )
                    }
                  >
                    Redeliver
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
