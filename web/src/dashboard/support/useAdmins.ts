/** The admins a chat can be assigned to, with presence; refreshed now and then. */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../shared/api/client';
import { listAdmins } from '../../shared/api/users';
import type { AdminInfo } from '../../shared/types';

const REFRESH_MS = 60_000;

export function useAdmins(api: ApiClient): AdminInfo[] {
  const [admins, setAdmins] = useState<AdminInfo[]>([]);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      listAdmins(api)
        .then((list) => {
          if (!cancelled) setAdmins(list);
        })
        .catch(() => undefined); // assignment to oneself still works without the list
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [api]);
  return admins;
}
