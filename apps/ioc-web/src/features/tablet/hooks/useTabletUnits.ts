import type { UnitSummary } from '@ioc/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchUnit } from '../../../shared/api/endpoints';
import { displayParams } from '../../../shared/api/urlParams';
import { fetchUnitChoices } from '../model/api';
import { allowedSelection, tabletScope, type TabletScope } from '../model/scope';
import {
  loadSelectedUnit,
  loadUnitChoices,
  saveSelectedUnit,
  saveUnitChoices,
} from '../model/snapshot';

export interface TabletUnits {
  scope: TabletScope;
  /** Units the user may switch to (null: no choice, or not loaded yet). */
  choices: UnitSummary[] | null;
  selected: string | null;
  select: (code: string) => void;
}

/**
 * The unit on screen: the user's own (session units[0]); a province-level user may pick one of
 * the province's wards, an administrator any unit. The pick is remembered per user.
 */
export function useTabletUnits(session: {
  username: string;
  role: string;
  units: readonly string[];
}): TabletUnits {
  const { username, role } = session;
  const unitsKey = session.units.join(',');
  const scope = useMemo(
    () =>
      tabletScope(
        { role, units: unitsKey === '' ? [] : unitsKey.split(',') },
        displayParams().unitCode,
      ),
    [role, unitsKey],
  );
  const [choices, setChoices] = useState<UnitSummary[] | null>(() =>
    scope.choices.kind === 'none' ? null : loadUnitChoices(username),
  );
  const [selected, setSelected] = useState<string | null>(() => {
    const remembered = loadSelectedUnit(username);
    return allowedSelection(scope, remembered, loadUnitChoices(username))
      ? remembered
      : scope.initial;
  });

  useEffect(() => {
    const c = scope.choices;
    if (c.kind === 'none') {
      setChoices(null);
      return;
    }
    const abort = new AbortController();
    const load =
      c.kind === 'list'
        ? Promise.all(c.codes.map((code) => fetchUnit(code, abort.signal)))
        : fetchUnitChoices(c.kind === 'all' ? null : c.of, abort.signal);
    load.then(
      (list) => {
        setChoices(list);
        saveUnitChoices(username, list);
      },
      (err: unknown) => {
        // Offline: keep the remembered list.
        if (!abort.signal.aborted) console.warn('Unit list failed', err);
      },
    );
    return () => {
      abort.abort();
    };
  }, [scope, username]);

  useEffect(() => {
    if (!allowedSelection(scope, selected, choices) && choices !== null) setSelected(scope.initial);
  }, [scope, selected, choices]);

  const select = useCallback(
    (code: string) => {
      setSelected(code);
      saveSelectedUnit(username, code);
    },
    [username],
  );
  return { scope, choices, selected, select };
}
