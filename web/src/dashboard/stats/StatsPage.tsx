/** Statistics: totals, chats per day, response times, status/priority split, admin workload. */
import { useCallback, useEffect, useState } from 'react';
import { fetchStats } from '../../shared/api/chats';
import type { ApiClient } from '../../shared/api/client';
import { CHAT_STATUSES, PRIORITIES, type Stats } from '../../shared/types';
import { priorityLabel, statusLabel } from '../support/Badges';
import { BarList, ColumnChart } from './charts';
import { formatDuration } from './format';

export function StatsPage({ api }: { api: ApiClient }) {
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const fetchNow = useCallback(() => {
    fetchStats(api)
      .then((s) => {
        setStats(s);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : 'Could not load statistics'))
      .finally(() => setLoading(false));
  }, [api]);

  useEffect(() => {
    fetchNow();
  }, [fetchNow]);

  const load = () => {
    setLoading(true);
    fetchNow();
  };

  return (
    <main className="scd-stats" aria-labelledby="scd-stats-title">
      <div className="scd-stats__head">
        <h1 id="scd-stats-title">Statistics</h1>
        <button type="button" className="sc-btn sc-btn--ghost" onClick={load} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {error && (
        <p className="sc-error" role="alert">
          {error}
        </p>
      )}
      {stats && <StatsView stats={stats} />}
    </main>
  );
}

function StatsView({ stats }: { stats: Stats }) {
  const { totals, responseTimes: rt } = stats;
  const cards: [string, number][] = [
    ['Chats', totals.chats],
    ['Messages', totals.messages],
    ['Open', totals.open],
    ['In progress', totals.inProgress],
    ['Resolved', totals.resolved],
    ['Closed', totals.closed],
  ];
  const first = rt.firstResponseMs;
  return (
    <>
      <ul className="scd-totals" aria-label="Totals">
        {cards.map(([label, value]) => (
          <li key={label}>
            <span className="scd-totals__value">{value}</span>
            <span className="scd-totals__label">{label}</span>
          </li>
        ))}
      </ul>
      <div className="scd-stats__grid">
        <section className="scd-card scd-card--wide">
          <ColumnChart title="New chats per day, last 30 days" data={stats.chatsPerDay} />
        </section>
        <section className="scd-card">
          <BarList
            title={
              first.businessHoursOnly
                ? 'First response time (business hours only)'
                : 'First response time'
            }
            items={[
              {
                key: 'median',
                label: 'Median',
                value: first.median ?? 0,
                display: formatDuration(first.median),
              },
              {
                key: 'avg',
                label: 'Average',
                value: first.avg ?? 0,
                display: formatDuration(first.avg),
              },
              {
                key: 'p90',
                label: '90th percentile',
                value: first.p90 ?? 0,
                display: formatDuration(first.p90),
              },
            ]}
          />
          <p className="scd-card__note">
            Resolution: median {formatDuration(rt.resolutionMs.median)}, average{' '}
            {formatDuration(rt.resolutionMs.avg)}
          </p>
        </section>
        <section className="scd-card">
          <BarList
            title="Chats by status"
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
            title="Chats by priority"
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
            title="Admin workload (open + in progress chats)"
            items={stats.adminWorkload.map((w) => ({
              key: w.admin._id,
              label: w.admin.fullName,
              value: w.open + w.inProgress,
              display: `${w.open} open · ${w.inProgress} in progress · ${w.replies} replies`,
            }))}
          />
          {stats.adminWorkload.length === 0 && (
            <p className="scd-card__note">No chats assigned yet.</p>
          )}
        </section>
        {stats.csat && <SatisfactionCard csat={stats.csat} />}
      </div>
    </>
  );
}

const SCORE_LABELS: Record<string, string> = {
  '5': '5 · Excellent',
  '4': '4 · Good',
  '3': '3 · Okay',
  '2': '2 · Poor',
  '1': '1 · Very poor',
};

/** Satisfaction: how many gave each score, the average, and each agent's average. */
function SatisfactionCard({ csat }: { csat: NonNullable<Stats['csat']> }) {
  return (
    <section className="scd-card">
      <BarList
        title="Satisfaction ratings"
        items={(['5', '4', '3', '2', '1'] as const).map((score) => ({
          key: score,
          label: SCORE_LABELS[score] ?? score,
          value: csat.distribution[score] ?? 0,
          tone: `scd-tone--score${score}`,
        }))}
      />
      <p className="scd-card__note">
        {csat.count === 0 || csat.average === null
          ? 'No ratings yet: users are asked to rate a chat when it is resolved.'
          : `Average ${csat.average.toFixed(2)} out of 5 from ${csat.count} ${
              csat.count === 1 ? 'rating' : 'ratings'
            }.`}
      </p>
      {csat.byAdmin.length > 0 && (
        <ul className="scd-card__list" aria-label="Average rating by agent">
          {csat.byAdmin.map((a) => (
            <li key={a.admin._id}>
              {a.admin.fullName}: {a.average.toFixed(2)} ({a.count}{' '}
              {a.count === 1 ? 'rating' : 'ratings'})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
