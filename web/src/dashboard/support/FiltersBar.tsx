/** Filters of the chat list: search, status, priority, and mine / unassigned / all. */
import type { Label } from '../../shared/types';
import { SelectField } from '../../shared/ui/SelectField';
import { PrioritySelect, StatusSelect } from './ChatSelects';
import type { AssignedFilter, ChatFilters } from './chatList';
import { t, type MessageKey } from '../../shared/i18n/i18n';

interface Props {
  filters: ChatFilters;
  labels: Label[];
  search: string;
  onSearch: (q: string) => void;
  onChange: (filters: ChatFilters) => void;
}

const ASSIGNED: { value: AssignedFilter; label: MessageKey }[] = [
  { value: 'all', label: 'filters.all' },
  { value: 'me', label: 'filters.mine' },
  { value: 'none', label: 'filters.unassigned' },
];

export function FiltersBar({ filters, labels, search, onSearch, onChange }: Props) {
  const chosen = labels.some((l) => l._id === filters.label) ? filters.label : '';
  return (
    <div className="scd-filters">
      <label className="sc-field scd-filters__search">
        <span className="sc-visually-hidden">{t('filters.search')}</span>
        <input
          type="search"
          placeholder={t('filters.searchPlaceholder')}
          value={search}
          onChange={(e) => onSearch(e.target.value)}
        />
      </label>
      <div className="scd-filters__row">
        <StatusSelect
          value={filters.status}
          anyLabel={t('filters.anyStatus')}
          onChange={(status) => onChange({ ...filters, status })}
        />
        <PrioritySelect
          value={filters.priority}
          anyLabel={t('filters.anyPriority')}
          onChange={(priority) => onChange({ ...filters, priority })}
        />
        {labels.length > 0 && (
          <SelectField
            label={t('filters.label')}
            hideLabel
            value={chosen}
            onChange={(label) => onChange({ ...filters, label })}
          >
            <option value="">{t('filters.anyLabel')}</option>
            {labels.map((l) => (
              <option key={l._id} value={l._id}>
                {l.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <fieldset className="scd-segmented">
        <legend className="sc-visually-hidden">{t('filters.assignedTo')}</legend>
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
            {t(option.label)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
