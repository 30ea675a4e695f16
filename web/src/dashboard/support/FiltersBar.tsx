/** Filters of the chat list: search, status, priority, and mine / unassigned / all. */
import type { Label } from '../../shared/types';
import { SelectField } from '../../shared/ui/SelectField';
import { PrioritySelect, StatusSelect } from './ChatSelects';
import type { AssignedFilter, ChatFilters } from './chatList';

interface Props {
  filters: ChatFilters;
  labels: Label[];
  search: string;
  onSearch: (q: string) => void;
  onChange: (filters: ChatFilters) => void;
}

const ASSIGNED: { value: AssignedFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'me', label: 'Mine' },
  { value: 'none', label: 'Unassigned' },
];

export function FiltersBar({ filters, labels, search, onSearch, onChange }: Props) {
  const chosen = labels.some((l) => l._id === filters.label) ? filters.label : '';
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
        {labels.length > 0 && (
          <SelectField
            label="Label"
            hideLabel
            value={chosen}
            onChange={(label) => onChange({ ...filters, label })}
          >
            <option value="">Any label</option>
            {labels.map((l) => (
              <option key={l._id} value={l._id}>
                {l.name}
              </option>
            ))}
          </SelectField>
        )}
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
