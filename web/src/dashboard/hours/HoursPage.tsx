/**
 * Business hours: the weekly schedule in a time zone, holidays, the automatic reply sent outside
 * hours and how the statistics count response times. The team's admins edit; agents read.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../shared/api/client';
import {
  getBusinessHours,
  hoursStatus,
  saveBusinessHours,
  WEEKDAYS,
  type BusinessHoursSettings,
  type HoursStatus,
  type Weekday,
} from '../../shared/api/hours';
import { fetchTeam } from '../../shared/api/team';
import { backSentence } from '../../shared/logic/backTime';
import { formatDate, t, tp } from '../../shared/i18n/i18n';
import { PageRegion } from '../PageRegion';

/** The weekday's name in the page's language (1 January 2024 was a Monday). */
function dayLabel(day: Weekday): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return formatDate(date, { weekday: 'long', timeZone: 'UTC' });
}

const errorText = (e: unknown, fallback: string) => (e instanceof Error ? e.message : fallback);

function timeZones(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  return Array.from(new Set(['UTC', current, ...zones])).sort();
}

function statusSentence(status: HoursStatus | null): string {
  if (!status) return '';
  if (status.alwaysOpen) return t('hours.alwaysOpen');
  if (status.open) return t('hours.openNow');
  const back = status.nextOpenAt ? backSentence(status.nextOpenAt, new Date()) : null;
  return back ? t('hours.closedNow', { back }) : t('hours.closedLong');
}

export function HoursPage({ api }: { api: ApiClient }) {
  const [settings, setSettings] = useState<BusinessHoursSettings | null>(null);
  const [status, setStatus] = useState<HoursStatus | null>(null);
  const [isAdmin, setIsAdmin] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getBusinessHours(api)
      .then((s) => live && setSettings(s))
      .catch((e: unknown) => live && setError(errorText(e, t('hours.couldNotLoad'))));
    hoursStatus(api)
      .then((s) => live && setStatus(s))
      .catch(() => undefined);
    fetchTeam(api)
      .then((t) => live && setIsAdmin(t.me.role === 'admin'))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <PageRegion className="scd-team scd-hours" labelledBy="scd-hours-title">
      <div className="scd-stats__head">
        <h1 id="scd-hours-title">{t('hours.title')}</h1>
      </div>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      {!settings && !error && <p className="scd-loading">{t('hours.loading')}</p>}
      {status && <p data-testid="hours-status">{statusSentence(status)}</p>}
      {settings && (
        <HoursForm
          api={api}
          initial={settings}
          isAdmin={isAdmin}
          onSaved={(s) => {
            setSettings(s);
            hoursStatus(api)
              .then(setStatus)
              .catch(() => undefined);
          }}
        />
      )}
    </PageRegion>
  );
}

function HoursForm({
  api,
  initial,
  isAdmin,
  onSaved,
}: {
  api: ApiClient;
  initial: BusinessHoursSettings;
  isAdmin: boolean;
  onSaved: (s: BusinessHoursSettings) => void;
}) {
  const id = useId();
  const [form, setForm] = useState<BusinessHoursSettings>(initial);
  const [holiday, setHoliday] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  const setDay = (day: Weekday, open: boolean, opens?: string, closes?: string) => {
    const first = form.weekly[day][0] ?? { opens: '09:00', closes: '17:00' };
    const rest = form.weekly[day].slice(1);
    const span = { opens: opens ?? first.opens, closes: closes ?? first.closes };
    setForm({ ...form, weekly: { ...form.weekly, [day]: open ? [span, ...rest] : [] } });
  };

  const addHoliday = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday)) {
      setMessage({ text: t('hours.pickDate'), error: true });
      return;
    }
    if (!form.holidays.includes(holiday)) {
      setForm({ ...form, holidays: [...form.holidays, holiday].sort() });
    }
    setHoliday('');
    setMessage(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setMessage(null);
    saveBusinessHours(api, form)
      .then((saved) => {
        setForm(saved);
        onSaved(saved);
        setMessage({ text: t('hours.saved'), error: false });
      })
      .catch((e: unknown) =>
        setMessage({ text: errorText(e, t('hours.couldNotSave')), error: true }),
      )
      .finally(() => setSaving(false));
  };

  const locked = !isAdmin || saving;
  return (
    <form onSubmit={submit} className="scd-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('hours.schedule')}</h2>
      {!isAdmin && <p className="scd-card__note">{t('hours.onlyAdmins')}</p>}
      <fieldset disabled={locked} className="scd-hours__fieldset">
        <div className="scd-hours__field">
          <label htmlFor={`${id}-zone`}>{t('hours.timeZone')}</label>
          <select
            id={`${id}-zone`}
            value={form.timeZone}
            onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
          >
            {timeZones(form.timeZone).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      {/* Focusable: on a phone the table scrolls sideways, and for an agent (read only, its
          controls disabled) nothing inside can take the focus to scroll it. The region stays
          outside the disabled fieldsets, where nothing counts as focusable. */}
      <div className="scd-table-wrap" tabIndex={0} role="region" aria-label={t('hours.perDay')}>
        <fieldset disabled={locked} className="scd-hours__fieldset">
          <table className="scd-hours__days">
            <caption className="sc-visually-hidden">{t('hours.perDay')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hours.day')}</th>
                <th scope="col">{t('hours.open')}</th>
                <th scope="col">{t('hours.opens')}</th>
                <th scope="col">{t('hours.closes')}</th>
              </tr>
            </thead>
            <tbody>
              {WEEKDAYS.map((day) => {
                const span = form.weekly[day][0];
                const more = form.weekly[day].length - 1;
                return (
                  <tr key={day}>
                    <th scope="row">{dayLabel(day)}</th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('hours.openOn', { day: dayLabel(day) })}
                        checked={span !== undefined}
                        onChange={(e) => setDay(day, e.target.checked)}
                      />
                    </td>
                    <td>
                      {span && (
                        <input
                          type="time"
                          aria-label={t('hours.opensAt', { day: dayLabel(day) })}
                          value={span.opens}
                          required
                          onChange={(e) => setDay(day, true, e.target.value)}
                        />
                      )}
                    </td>
                    <td>
                      {span ? (
                        <>
                          <input
                            type="time"
                            aria-label={t('hours.closesAt', { day: dayLabel(day) })}
                            value={span.closes}
                            required
                            onChange={(e) => setDay(day, true, undefined, e.target.value)}
                          />
                          {more > 0 && (
                            <span className="scd-card__note"> {tp('hours.moreSpans', more)}</span>
                          )}
                        </>
                      ) : (
                        <span className="scd-card__note">{t('hours.closed')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      </div>
      <fieldset disabled={locked} className="scd-hours__fieldset">
        <p className="scd-card__note">{t('hours.midnight')}</p>

        <h2>{t('hours.holidays')}</h2>
        {form.holidays.length === 0 ? (
          <p className="scd-card__note">{t('hours.noHolidays')}</p>
        ) : (
          <ul className="scd-hours__holidays" aria-label={t('hours.holidays')}>
            {form.holidays.map((h) => (
              <li key={h}>
                {formatDate(`${h}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}
                <button
                  type="button"
                  className="sc-link"
                  aria-label={t('hours.removeHoliday', { date: h })}
                  onClick={() =>
                    setForm({ ...form, holidays: form.holidays.filter((x) => x !== h) })
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="scd-hours__row">
          <div className="scd-hours__field">
            <label htmlFor={`${id}-holiday`}>{t('hours.holidayDate')}</label>
            <input
              id={`${id}-holiday`}
              type="date"
              value={holiday}
              onChange={(e) => setHoliday(e.target.value)}
            />
          </div>
          <button type="button" className="sc-btn sc-btn--ghost" onClick={addHoliday}>
            {t('hours.addHoliday')}
          </button>
        </div>

        <h2>{t('hours.outside')}</h2>
        <div className="scd-hours__field">
          <label htmlFor={`${id}-reply`}>{t('hours.autoReply')}</label>
          <textarea
            id={`${id}-reply`}
            rows={3}
            maxLength={1000}
            value={form.autoReply}
            aria-describedby={`${id}-reply-hint`}
            onChange={(e) => setForm({ ...form, autoReply: e.target.value })}
          />
          <span id={`${id}-reply-hint`} className="scd-card__note">
            {t('hours.autoReplyHint')}
          </span>
        </div>
        <label className="scd-hours__check">
          <input
            type="checkbox"
            checked={form.businessHoursStats}
            onChange={(e) => setForm({ ...form, businessHoursStats: e.target.checked })}
          />{' '}
          {t('hours.statsBusinessOnly')}
        </label>
        {isAdmin && (
          <p>
            <button type="submit" className="sc-btn" disabled={saving}>
              {saving ? t('hours.saving') : t('hours.save')}
            </button>
          </p>
        )}
      </fieldset>
      <p role="status" className={message?.error ? 'sc-error' : 'scd-card__note'}>
        {message?.text ?? ''}
      </p>
    </form>
  );
}
