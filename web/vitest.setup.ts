// Unit tests run in English with every catalogue's keys (the dashboard's too), as a page would.
import { setMessages } from './src/shared/i18n/i18n';
import { staffEn } from './src/shared/i18n/staff/load';

setMessages('en', staffEn);
