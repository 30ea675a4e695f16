/** Statistics: totals, chats per day, response times, status/priority split, admin workload. */
import { useCallback, useEffect, useState } from 'react';
import { fetchStats } from '../../shared/api/chats';
import type { ApiClient } from '../../shared/api/client';
import type { SocketConnection } from '../../shared/socket/connection';
import { CHAT_STATUSES, PRIORITIES, type Stats } from '../../shared/types';
import { priorityLabel, statusLabel } from '../support/Badges';
import { BarList, ColumnChart } from './charts';
import { formatDuration } from './format';
import { formatNumber, t, tp } from '../../shared/i18n/i18n';
import { PageRegion } from '../PageRegion';

/**
 * Live: what changes the figures (a new message, a status change, an assignment, a rating) asks for
 * them again, at most once per this long, so a busy inbox does not turn into a request per
 * message.
 */
const LIVE_REFRESH_MS = 5_000;

export function StatsPage({
  api,
  connection,
}: {
  api: ApiClient;
  connection?: SocketConnection | null;
}) {
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const fetchNow = useCallback(() => {
    fetchStats(api)
      .then((s) => {
        setStats(s);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t('stats.couldNotLoad')))
      .finally(() => setLoading(false));
  }, [api]);

  useEffect(() => {
    fetchNow();
  }, [fetchNow]);

  useEffect(() => {
    if (!connection) return;
    let timer: number | null = null;
    let last = 0;
    const soon = () => {
      if (timer !== null) return;
      const wait = Math.max(0, last + LIVE_REFRESH_MS - Date.now());
      timer = window.setTimeout(() => {
        timer = null;
        last = Date.now();
        fetchNow();
      }, wait);
    };
    const offs = [
      connection.on('new_user_message_notification', soon),
      connection.on('admin_reply_notification', soon),
      connection.on('support_chat_status_updated', soon),
      connection.on('support_chat_assigned', soon),
      connection.on('support_chat_rated', soon),
    ];
    return () => {
      if (timer !== null) window.clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [connection, fetchNow]);

  const load = () => {
    setLoading(true);
    fetchNow();
  };

  return (
    <PageRegion labelledBy="scd-stats-title">
      <div className="scd-stats__head">
        <h1 id="scd-stats-title">{t('stats.title')}</h1>
        <button type="button" className="sc-btn sc-btn--ghost" onClick={load} disabled={loading}>
          {loading ? t('stats.refreshing') : t('stats.refresh')}
        </button>
      </div>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      {stats && <StatsView stats={stats} />}
    </PageRegion>
  );
}

function StatsView({ stats }: { stats: Stats }) {
  const { totals, responseTimes: rt } = stats;
  const cards: [string, number][] = [
    [t('stats.chats'), totals.chats],
    [t('stats.messages'), totals.messages],
    [statusLabel('open'), totals.open],
    [statusLabel('in-progress'), totals.inProgress],
    [statusLabel('resolved'), totals.resolved],
    [statusLabel('closed'), totals.closed],
  ];
  const first = rt.firstResponseMs;
  return (
    <>
      <ul className="scd-totals" aria-label={t('stats.totals')}>
        {cards.map(([label, value]) => (
          <li key={label}>
            <span className="scd-totals__value">{formatNumber(value)}</span>
            <span className="scd-totals__label">{label}</span>
          </li>
        ))}
      </ul>
      <div className="scd-stats__grid">
        <section className="scd-card scd-card--wide">
          <ColumnChart title={t('stats.perDay')} data={stats.chatsPerDay} />
        </section>
        <section className="scd-card">
          <BarList
            title={
              first.businessHoursOnly ? t('stats.firstResponseBusiness') : t('stats.firstResponse')
            }
            items={[
              {
                key: 'median',
                label: t('stats.median'),
                value: first.median ?? 0,
                display: formatDuration(first.median),
              },
              {
                key: 'avg',
                label: t('stats.average'),
                value: first.avg ?? 0,
                display: formatDuration(first.avg),
              },
              {
                key: 'p90',
                label: t('stats.p90'),
                value: first.p90 ?? 0,
                display: formatDuration(first.p90),
              },
            ]}
          />
          <p className="scd-card__note">
            {t('stats.resolution', {
              median: formatDuration(rt.resolutionMs.median),
              average: formatDuration(rt.resolutionMs.avg),
            })}
          </p>
        </section>
        <section className="scd-card">
          <BarList
            title={t('stats.byStatus')}
            items={CHAT_STATUSES.map((s) => ({
              key: s,
              label: statusLabel(s),
              value: stats.byStatus[s] ?? 0,
              tone: `scd-tone--${s}`,
            }))}
          />
        </section>
        <section className="scd-card">
          <BarList
            title={t('stats.byPriority')}
            items={PRIORITIES.map((p) => ({
              key: p,
              label: priorityLabel(p),
              value: stats.byPriority[p] ?? 0,
              tone: `scd-tone--${p}`,
            }))}
          />
        </section>
        <section className="scd-card">
          <BarList
            title={t('stats.workload')}
            items={stats.adminWorkload.map((w) => ({
              key: w.admin._id,
              label: w.admin.fullName,
              value: w.open + w.inProgress,
              display: t('stats.workloadLine', {
                open: w.open,
                inProgress: w.inProgress,
                replies: w.replies,
              }),
            }))}
          />
          {stats.adminWorkload.length === 0 && (
            <p className="scd-card__note">{t('stats.noneAssigned')}</p>
          )}
        </section>
        {stats.csat && <SatisfactionCard csat={stats.csat} />}
      </div>
    </>
  );
}

const twoPlaces = (value: number) =>
  formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Satisfaction: how many gave each score, the average, and each agent's average. */
function SatisfactionCard({ csat }: { csat: NonNullable<Stats['csat']> }) {
  return (
    <section className="scd-card">
      <BarList
        title={t('stats.satisfaction')}
        items={(['5', '4', '3', '2', '1'] as const).map((score) => ({
          key: score,
          label: t('stats.score', { score: Number(score), label: t(`rating.${score}`) }),
          value: csat.distribution[score] ?? 0,
          tone: `scd-tone--score${score}`,
        }))}
      />
      <p className="scd-card__note">
        {csat.count === 0 || csat.average === null
          ? t('stats.noRatings')
          : tp('stats.averageRating', csat.count, { average: twoPlaces(csat.average), max: 5 })}
      </p>
      {csat.byAdmin.length > 0 && (
        <ul className="scd-card__list" aria-label={t('stats.byAgent')}>
          {csat.byAdmin.map((a) => (
            <li key={a.admin._id}>
              {tp('stats.agentRating', a.count, {
                name: a.admin.fullName,
                average: twoPlaces(a.average),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
