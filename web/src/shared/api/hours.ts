/** Business hours: the public status the widget shows, the settings staff read and admins set. */
import type { ApiClient } from './client';

export interface OpeningSpan {
  opens: string;
  closes: string;
}

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface BusinessHoursSettings {
  timeZone: string;
  weekly: Record<Weekday, OpeningSpan[]>;
  holidays: string[];
  autoReply: string;
  businessHoursStats: boolean;
}

export interface HoursStatus {
  open: boolean;
  alwaysOpen: boolean;
  /** Null while open, or when no opening comes within a year. */
  nextOpenAt: string | null;
  timeZone: string;
}

export const hoursStatus = (api: ApiClient) =>
  api.request<HoursStatus>('GET', '/business-hours/status', { auth: false });

export const getBusinessHours = (api: ApiClient) =>
  api.request<BusinessHoursSettings>('GET', '/business-hours');

export const saveBusinessHours = (api: ApiClient, body: BusinessHoursSettings) =>
  api.request<BusinessHoursSettings>('PUT', '/business-hours', { body });
