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
import { t } from '../../shared/i18n/i18n';
import { PageRegion } from '../PageRegion';

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
      .catch((e: unknown) => setError(message(e, t('hooks.couldNotLoad'))));
  }, [api]);

  useEffect(() => {
    load();
  }, [load]);

  return (
    <PageRegion className="scd-hooks" labelledBy="scd-hooks-title">
      <div className="scd-stats__head">
        <h1 id="scd-hooks-title">{t('dash.nav.webhooks')}</h1>
      </div>
      <p className="scd-card__note">{t('hooks.intro')}</p>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      {created?.secret && (
        <div className="scd-card scd-hooks__secret" role="status">
          <p>
            {t('hooks.added')} <code>{created.secret}</code>
          </p>
          <button type="button" className="sc-btn sc-btn--ghost" onClick={() => setCreated(null)}>
            {t('hooks.savedIt')}
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
      {endpoints === null && !error && <p>{t('hooks.loading')}</p>}
      {endpoints?.length === 0 && <p>{t('hooks.none')}</p>}
      {endpoints?.map((e) => (
        <EndpointCard key={e._id} api={api} endpoint={e} onChanged={load} />
      ))}
    </PageRegion>
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
      setError(t('hooks.chooseEvent'));
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
      .catch((e: unknown) => setError(message(e, t('hooks.couldNotAdd'))))
      .finally(() => setBusy(false));
  };

  return (
    <form className="scd-card scd-hooks__form" onSubmit={submit} aria-labelledby="scd-hooks-add">
      <h2 id="scd-hooks-add">{t('hooks.addTitle')}</h2>
      <TextField
        label={t('hooks.url')}
        type="url"
        required
        placeholder="https://crm.example.com/hooks/support"
        value={url}
        onChange={setUrl}
      />
      <TextField label={t('hooks.description')} value={description} onChange={setDescription} />
      <fieldset className="scd-hooks__events">
        <legend>{t('hooks.events')}</legend>
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
        {busy ? t('hooks.adding') : t('hooks.add')}
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
      .catch((e: unknown) => setError(message(e, t('hooks.deliveriesFailed'))));
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
      .catch((e: unknown) => setError(message(e, t('hooks.failed'))));

  return (
    <section
      className="scd-card scd-hooks__endpoint"
      aria-label={t('hooks.endpoint', { url: endpoint.url })}
    >
      <h2 className="scd-hooks__url">{endpoint.url}</h2>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p>
        {endpoint.isActive ? t('hooks.on') : t('hooks.off')} · {endpoint.events.join(', ')}
      </p>
      <div className="scd-hooks__actions">
        <button
          type="button"
          className="sc-btn sc-btn--ghost"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {open ? t('hooks.hide') : t('hooks.show')}
        </button>
        <button
          type="button"
          className="sc-btn sc-btn--ghost"
          onClick={() =>
            void act(
              updateWebhook(api, endpoint._id, { isActive: !endpoint.isActive }),
              endpoint.isActive ? t('hooks.turnedOff') : t('hooks.turnedOn'),
            )
          }
        >
          {endpoint.isActive ? t('hooks.turnOff') : t('hooks.turnOn')}
        </button>
        <button
          type="button"
          className="sc-btn sc-btn--ghost"
          onClick={() => void act(deleteWebhook(api, endpoint._id), t('hooks.removed'))}
        >
          {t('hooks.remove')}
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
            <h3>{t('hooks.recent')}</h3>
            <button type="button" className="sc-btn sc-btn--ghost" onClick={loadDeliveries}>
              {t('stats.refresh')}
            </button>
          </div>
          {deliveries === null && <p>{t('hooks.loadingDeliveries')}</p>}
          {deliveries?.length === 0 && <p>{t('hooks.nothingSent')}</p>}
          {deliveries && deliveries.length > 0 && (
            <ul className="scd-hooks__deliveries">
              {deliveries.map((d) => (
                <li key={d._id}>
                  <span className="scd-hooks__event">{d.event ?? t('hooks.event')}</span>{' '}
                  <time dateTime={d.createdAt}>{shortTime(d.createdAt)}</time>
                  <span className="scd-hooks__outcome">{deliveryOutcome(d)}</span>
                  <button
                    type="button"
                    className="sc-btn sc-btn--ghost"
                    aria-label={t('hooks.redeliverOf', {
                      event: d.event ?? t('hooks.event'),
                      time: shortTime(d.createdAt),
                    })}
                    onClick={() => void act(redeliver(api, endpoint._id, d._id), t('hooks.queued'))}
                  >
                    {t('hooks.redeliver')}
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
