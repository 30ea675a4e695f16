/** Filters of the chat list: search, status, priority, and mine / unassigned / all. */
import { CHAT_STATUSES, PRIORITIES, type ChatStatus, type Priority } from '../../shared/types';
import { SelectField } from '../../shared/ui/SelectField';
import { priorityLabel, statusLabel } from './Badges';
import type { AssignedFilter, ChatFilters } from './chatList';

interface Props {
  filters: ChatFilters;
  search: string;
  onSearch: (q: string) => void;
  onChange: (filters: ChatFilters) => void;
}

const ASSIGNED: { value: AssignedFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'me', label: 'Mine' },
  { value: 'none', label: 'Unassigned' },
];

export function FiltersBar({ filters, search, onSearch, onChange }: Props) {
  return (
    <div className="scd-filters">
      <label className="sc-field scd-filters__search">
        <span className="sc-visually-hidden">Search chats</span>
        <input
          type="search"
          placeholder="Search name, email, subject…"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
        />
      </label>
      <div className="scd-filters__row">
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(v) => onChange({ ...filters, status: v as ChatStatus | '' })}
        >
          <option value="">Any status</option>
          {CHAT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Priority"
          value={filters.priority}
          onChange={(v) => onChange({ ...filters, priority: v as Priority | '' })}
        >
          <option value="">Any priority</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {priorityLabel(p)}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="scd-segmented">
        <legend className="sc-visually-hidden">Assigned to</legend>
        {ASSIGNED.map((option) => (
          <label
            key={option.value}
            className={filters.assigned === option.value ? 'is-checked' : ''}
          >
            <input
              type="radio"
              name="assigned"
              value={option.value}
              checked={filters.assigned === option.value}
              onChange={() => onChange({ ...filters, assigned: option.value })}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
