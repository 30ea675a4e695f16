/** Filters of the chat list: search, status, priority, and mine / unassigned / all. */
import { PrioritySelect, StatusSelect } from './ChatSelects';
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
        <span className="sc-visually-hidden">Search chats and messages</span>
        <input
          type="search"
          placeholder="Search people, subjects, messages…"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
        />
      </label>
      <div className="scd-filters__row">
        <StatusSelect
          value={filters.status}
          anyLabel="Any status"
          onChange={(status) => onChange({ ...filters, status })}
        />
        <PrioritySelect
          value={filters.priority}
          anyLabel="Any priority"
          onChange={(priority) => onChange({ ...filters, priority })}
        />
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
